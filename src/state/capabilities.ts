/**
 * Who is signed in to a shared store and what the database will let them do, computed once from
 * `whoami()` so the UI hides or disables what row-level security would refuse (with the reason)
 * instead of offering it and failing. The embedded store's user is this device's city admin: everything
 * is allowed. The database stays the authority; this only mirrors its rules (see the README's
 * security model):
 *   city       everything; city admins also the rule profile and every staff member;
 *   district   their district's rows (no areas); district admins their district's street staff;
 *   street     read the district; write only their street's enterprises, plan items all of whose
 *              members are in the street, and the street's figures; no buildings, zones, slides, areas.
 */
import { create } from 'zustand';
import type { LivePort, PresentPerson, StaffMember, StaffPort, StaffRole, Whoami } from '../data/auth';
import { repositoryIfOpen, setStaffServices, staffPortIfSignedIn } from './services';
import { usePlanningStore } from './planning';

// What the UI names of the signed-in world, from the layers below it (src/ui imports nothing from src/data).
export type { AuthPort, PresentPerson, StaffAssignment, StaffAuditEntry, StaffEntry, StaffMember, StaffRole, Whoami } from '../data/auth';
export { LOCAL_CITY_USER } from '../data/local/local-user';

/** Allowed, or refused with a reason: an i18n key under `staff.reason` and its values (area codes are named by the UI). */
export type Capability = { allowed: true } | { allowed: false; reason: string; values?: Record<string, string> };

export interface Capabilities {
  shared: boolean;
  role: StaffRole;
  districtId: string | null;
  streetId: string | null;
  isAdmin: boolean;
  /** The staff panel: city admins and district admins. */
  manageStaff: boolean;
  ruleProfile: Capability;
  areas: Capability;
  /** Buildings and zones (drawn places). */
  places: Capability;
  slides: Capability;
  /** Imports of enterprises (street staff: only their street's rows are taken, the others refused row by row). */
  importEnterprises: Capability;
  /** The whole-database backup and restore (the embedded store only). */
  storeBackup: Capability;
  enterprise(e: { district: string; street: string }): Capability;
  /** A plan item by its members' streets (an item with no members yet is anyone's in the district). */
  planItem(memberStreets: readonly string[]): Capability;
}

const ALLOWED: Capability = { allowed: true };
const refused = (reason: string, values?: Record<string, string>): Capability => ({ allowed: false, reason, ...(values ? { values } : {}) });

/** What a staff member may do; null = the embedded store (everything). */
export function capabilitiesOf(staff: StaffMember | null): Capabilities {
  if (!staff) {
    return {
      shared: false, role: 'city', districtId: null, streetId: null, isAdmin: true, manageStaff: false,
      ruleProfile: ALLOWED, areas: ALLOWED, places: ALLOWED, slides: ALLOWED, importEnterprises: ALLOWED,
      storeBackup: ALLOWED, enterprise: () => ALLOWED, planItem: () => ALLOWED,
    };
  }
  const { role, districtId, streetId, isAdmin } = staff;
  const city = role === 'city';
  const street = role === 'street';
  const inDistrict = (d: string) => city || d === districtId;
  return {
    shared: true, role, districtId, streetId, isAdmin,
    manageStaff: isAdmin && role !== 'street',
    ruleProfile: city && isAdmin ? ALLOWED : refused('cityAdminOnly'),
    areas: city ? ALLOWED : refused('cityOnly'),
    places: street ? refused('notStreet') : ALLOWED,
    slides: street ? refused('notStreet') : ALLOWED,
    importEnterprises: ALLOWED,
    storeBackup: refused('embeddedOnly'),
    enterprise(e) {
      if (!inDistrict(e.district)) return refused('otherDistrict', { district: e.district });
      if (street && e.street !== streetId) return refused('otherStreet', { street: e.street, mine: streetId ?? '' });
      return ALLOWED;
    },
    planItem(memberStreets) {
      if (!street) return ALLOWED;
      const other = memberStreets.find((s) => s !== streetId);
      return other === undefined ? ALLOWED : refused('planItemOtherStreet', { street: other, mine: streetId ?? '' });
    },
  };
}

interface WorkspaceState {
  /** The signed-in user of a shared store; null in the embedded store. */
  who: Whoami | null;
  capabilities: Capabilities;
  /** Staff names known so far (user id → name), for the edit history. */
  names: Record<string, string>;
  /** District and street names from area_choices (the header names the scope before the data has loaded). */
  areaNames: Record<string, string>;
  /** Others on the same Realtime channel (who else views this district; what they edit). */
  present: PresentPerson[];
  /** Realtime subscribed (else the feed is only polled); null in the embedded store. */
  live: boolean | null;
  /** Signed in to a shared store: the staff port and sign-out go to state/services.ts, not into this state. */
  signedIn(who: Whoami, staffPort: StaffPort, signOut: () => void): void;
}

export const useWorkspaceStore = create<WorkspaceState>((set) => ({
  who: null,
  capabilities: capabilitiesOf(null),
  names: {},
  areaNames: {},
  present: [],
  live: null,
  signedIn: (who, staffPort, signOut) => {
    setStaffServices({ port: staffPort, signOut });
    set({ who, capabilities: capabilitiesOf(who.staff), names: who.staff ? { [who.userId]: who.staff.name } : {} });
  },
}));

/** The one capability hook: what the signed-in user may do (everything in the embedded store). */
export function useCapabilities(): Capabilities {
  return useWorkspaceStore((s) => s.capabilities);
}

const asking = new Set<string>();

/** Looks up the names of staff members not known yet (those outside the caller's scope stay unknown). */
export async function learnStaffNames(ids: readonly (string | null)[]): Promise<void> {
  const { names } = useWorkspaceStore.getState();
  const staffPort = staffPortIfSignedIn();
  if (!staffPort) return;
  const missing = [...new Set(ids.filter((id): id is string => !!id && !(id in names) && !asking.has(id)))];
  if (missing.length === 0) return;
  missing.forEach((id) => asking.add(id));
  try {
    const found = await staffPort.names(missing);
    useWorkspaceStore.setState((s) => ({ names: { ...s.names, ...Object.fromEntries(found) } }));
  } finally {
    missing.forEach((id) => asking.delete(id));
  }
}

/** Who else is editing this plan item (the soft lock "正在由 X 编辑"; the stale-version refusal stays the backstop). */
export function useEditingBy(planItemId: string): PresentPerson | undefined {
  return useWorkspaceStore((s) => s.present.find((p) => p.editing === planItemId));
}

/**
 * Follows the signed-in user's Realtime channel (`district:<code>`, the city `city`): a wake-up pulls the
 * change feed (polling carries on beside it), presence lists the others and what they edit; the plan
 * item this page is editing is announced as it changes.
 */
export function followLive(live: LivePort, who: Whoami, districts: Promise<readonly string[]> = Promise.resolve([])): () => void {
  const staff = who.staff;
  if (!staff) return () => {};
  const topic = staff.role === 'city' ? 'city' : `district:${staff.districtId}`;
  const handle = live.follow(topic, { userId: who.userId, name: staff.name || who.email }, {
    onWake: (seq) => {
      const repository = repositoryIfOpen();
      if (repository && (seq === null || seq > repository.feedSeq)) void repository.pullChanges().catch(() => undefined);
    },
    onPresence: (present) => {
      useWorkspaceStore.setState({ present });
      const names = Object.fromEntries(present.map((p) => [p.userId, p.name]));
      useWorkspaceStore.setState((s) => ({ names: { ...names, ...s.names } }));
    },
    onStatus: (live) => useWorkspaceStore.setState({ live }),
  });
  // The city is present on every district's channel too: its soft locks show to the district, and theirs to it.
  if (staff.role === 'city') districts.then((ids) => handle.alsoPresentOn(ids.map((id) => `district:${id}`)), () => undefined);
  const editing = () => handle.editing(usePlanningStore.getState().draft?.itemId ?? null);
  const unsubscribe = usePlanningStore.subscribe(editing);
  return () => {
    unsubscribe();
    void handle.stop();
  };
}
