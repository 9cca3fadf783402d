/** The stored records the workspace edits (plan items, slides, snapshots, history) and the results of writes: domain types every layer imports from here. */
import type { Enterprise, OrgLevel, PolygonGeometry, RuleProfile } from './types';
import type { RecommendationKind } from './report';

export interface RowResult {
  rowNo: number;
  id: string | null;
  action: 'inserted' | 'updated' | 'upserted' | 'rejected' | 'not_written';
  message: string | null;
}

export interface AreaCoverage {
  areaId: string;
  name: string;
  level: 'district' | 'street';
  enterprises: number;
  covered: number;
  coverageRate: number;
  ownOrg: number;
  workCovered: number;
  mustCover: number;
  mustCoverCovered: number;
  sixClearsComplete: number;
}

export type ImportMode = 'apply' | 'check' | 'all';

export type PlanItemStatus = 'proposed' | 'forming' | 'formed';

export interface PlanItem {
  id: string;
  districtId: string | null;
  title: string;
  kind: RecommendationKind;
  level: OrgLevel | null;
  status: PlanItemStatus;
  owner: string;
  instructor: string;
  dueDate: string | null;
  recommendationId: string | null;
  version: number;
  enterpriseIds: string[];
  /** Drawn outline, where the item was started by drawing. */
  geometry: PolygonGeometry | null;
  updatedAt: string;
}

export type PlanItemPatch = Partial<Pick<PlanItem, 'title' | 'kind' | 'level' | 'owner' | 'instructor' | 'dueDate' | 'geometry' | 'enterpriseIds'>>;

export interface NewPlanItem {
  districtId: string | null;
  title: string;
  kind: RecommendationKind;
  level: OrgLevel | null;
  enterpriseIds: string[];
  owner?: string;
  instructor?: string;
  dueDate?: string | null;
  recommendationId?: string | null;
  geometry?: PolygonGeometry | null;
}

export interface AuditEntry {
  at: string;
  userId: string | null;
  action: 'insert' | 'update' | 'delete';
  oldRow: Record<string, unknown> | null;
  newRow: Record<string, unknown> | null;
}

export type EnterprisePatch = Partial<Pick<Enterprise, 'name' | 'address' | 'creditCode' | 'employees' | 'partyMembers' | 'probationaryMembers' | 'registeredCapital' | 'industry' | 'status' | 'ownerIsMember' | 'orgId' | 'workCovered'
  | 'membersElsewhere' | 'membersElsewhereAt' | 'membersTransferred' | 'transferStatus' | 'transferOn' | 'tradeUnion' | 'youthLeague' | 'womensFederation' | 'keyCategory' | 'liaison' | 'registeredOn'>>;

/** One area's figures on one date (半月通报). */
export interface BulletinSnapshot {
  /** The stored row's id (absent on figures not read from the store). */
  id?: string;
  takenOn: string;
  areaId: string;
  districtId: string | null;
  enterprises: number;
  covered: number;
  ownOrg: number;
  workCovered: number;
  mustCover: number;
  mustCoverCovered: number;
  sixClearsComplete: number;
  organizations: number;
  planItemsFormed: number;
  /** Open plan items past their due date on takenOn, and due within 7 days (absent in snapshots taken before 20261202001500). */
  overdue?: number;
  dueSoon?: number;
  /** The area's responsible leader (分片包干) when the snapshot was taken. */
  leader?: string;
  /** Enterprises registered in takenOn's month up to takenOn, and of those how many are covered. */
  newRegistrations?: number;
  newRegistrationsCovered?: number;
  /** The campaign figures (20261202001400): members whose relationship is held elsewhere, of them transferred; mass organizations without a Party organization; key enterprises. */
  membersElsewhere?: number;
  membersTransferred?: number;
  massOrgNoParty?: number;
  keyEnterprises?: number;
}

/** A saved view of the map for presentation mode; `view` is what the app restores (camera, layers, filter…). */
export interface Slide {
  id: string;
  districtId: string | null;
  deck: string;
  position: number;
  title: string;
  note: string;
  view: Record<string, unknown>;
  version: number;
}

export type NewSlide = Pick<Slide, 'title' | 'note' | 'view'> & { districtId?: string | null; deck?: string };

export interface StoreCounts {
  enterprises: number;
  areas: number;
  buildings: number;
  zones: number;
  organizations: number;
}

/** What the change feed says about one kind of row since a sequence number: rows as they are now, and ids gone. */
export interface RowChanges<T> {
  upserted: T[];
  deleted: string[];
}

/** The kinds of row the change feed carries (`public.feed.kind`). */
export type FeedKind = 'enterprise' | 'area' | 'building' | 'zone' | 'organization' | 'plan_item' | 'bulletin_snapshot' | 'slide' | 'rule_profile'
  | 'inspection_note' | 'register_change';

/** An inspection note (督查记录) against an area or a plan item. */
export interface InspectionNote {
  id: string;
  districtId: string | null;
  areaId: string | null;
  planItemId: string | null;
  inspectedOn: string;
  inspector: string;
  finding: string;
  followUpDue: string | null;
  resolved: boolean;
  version: number;
  updatedAt: string;
}

export type NewInspectionNote = Pick<InspectionNote, 'inspectedOn' | 'inspector' | 'finding' | 'followUpDue'> & { areaId?: string | null; planItemId?: string | null };

/** What a register import found (源头登记): an enterprise new to the register, or one that left it. */
export interface RegisterChange {
  id: string;
  importId: string;
  enterpriseId: string;
  districtId: string | null;
  streetId: string | null;
  change: 'new' | 'left';
  reason: 'registered' | 'deregistered' | 'missing';
  /** The day of the import (China time). */
  seenOn: string;
}

/** A finished register import: how many rows, how many new and gone. */
export interface RegisterImportSummary {
  id: string;
  rowCount: number;
  newCount: number;
  leftCount: number;
  fullRegister: boolean;
}

/** The city's rule profile as stored (`public.rule_profiles`, one row): overrides of DEFAULT_RULES; an absent key is the default. */
export interface StoredRuleProfile {
  rules: Partial<RuleProfile>;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}
