/** Applying a batch of feed changes to a whole store's contents (the page's copy and the kept copy alike). */
import { patchRows } from '../core/model/row-changes';
import type { BulletinSnapshot } from '../core/model/records';
import type { ChangeSet, StoreContents } from './repository';

/** Snapshots are keyed by date and area where the store gave them no id. */
export const snapshotKey = (s: BulletinSnapshot): string => s.id ?? `${s.takenOn}|${s.areaId}`;

const withKey = (s: BulletinSnapshot): BulletinSnapshot & { id: string } => ({ ...s, id: snapshotKey(s) });

/** The snapshots after the changes (the same array when none). */
export function patchSnapshots(snapshots: BulletinSnapshot[], changes: ChangeSet['snapshots']): BulletinSnapshot[] {
  if (changes.upserted.length + changes.deleted.length === 0) return snapshots;
  return patchRows(snapshots.map(withKey), { upserted: changes.upserted.map(withKey), deleted: changes.deleted });
}

export function patchStoreContents(contents: StoreContents, changes: ChangeSet): StoreContents {
  const snapshots = patchSnapshots(contents.snapshots, changes.snapshots);
  return {
    ...contents,
    enterprises: patchRows(contents.enterprises, changes.enterprises),
    areas: patchRows(contents.areas, changes.areas),
    buildings: patchRows(contents.buildings, changes.buildings),
    zones: patchRows(contents.zones, changes.zones),
    organizations: patchRows(contents.organizations, changes.organizations),
    planItems: patchRows(contents.planItems, changes.planItems),
    slides: patchRows(contents.slides, changes.slides),
    inspectionNotes: patchRows(contents.inspectionNotes ?? [], changes.inspectionNotes),
    registerChanges: patchRows(contents.registerChanges ?? [], changes.registerChanges),
    snapshots,
    ...(changes.ruleProfile ? { rules: changes.ruleProfile.rules, ruleProfile: changes.ruleProfile } : {}),
  };
}
