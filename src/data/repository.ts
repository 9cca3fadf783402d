/** The one storage interface the app uses, in domain types. Both engines implement it through the same SQL functions. */
import type { Area, Building, Dataset, Enterprise, Organization, OrgLevel, PolygonGeometry, Zone } from '../core/model/types';
import type { RecommendationKind } from '../core/model/report';

export interface StoredEnterprise extends Enterprise {
  /** Optimistic-locking version: an edit names the version it was made on. */
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

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

export type EnterprisePatch = Partial<Pick<Enterprise, 'name' | 'address' | 'creditCode' | 'employees' | 'partyMembers' | 'probationaryMembers' | 'registeredCapital' | 'industry' | 'status' | 'ownerIsMember' | 'orgId' | 'workCovered'>>;

/** A write refused because the row changed since it was read. */
export class StaleWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleWriteError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** One area's figures on one date (半月通报). */
export interface BulletinSnapshot {
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

export interface ReadOptions {
  /** Rows per request; whole tables are read page by page. */
  pageSize?: number;
  /** Called after each page of enterprises with how many have been read. */
  onProgress?: (enterprisesRead: number) => void;
}

export interface Repository {
  readonly kind: 'local' | 'supabase';
  counts(): Promise<StoreCounts>;
  /** Loads a trusted register in one statement (all rows or none): first start, restore. */
  loadEnterprises(enterprises: Enterprise[]): Promise<number>;
  /** Everything the caller may see, as a Dataset the planning core takes. */
  readDataset(name: string, options?: ReadOptions): Promise<Dataset>;
  upsertPlaces(kind: 'areas', places: Area[]): Promise<RowResult[]>;
  upsertPlaces(kind: 'buildings', places: Building[]): Promise<RowResult[]>;
  upsertPlaces(kind: 'zones', places: Zone[]): Promise<RowResult[]>;
  upsertOrganizations(organizations: Organization[]): Promise<RowResult[]>;
  /**
   * Imports by id or credit code, one result per row. `apply` keeps the good rows, `check` tries
   * everything and keeps nothing (a preview), `all` keeps all rows or none.
   */
  upsertEnterprises(enterprises: Enterprise[], mode?: ImportMode): Promise<RowResult[]>;
  enterprisesInBbox(bbox: [number, number, number, number]): Promise<StoredEnterprise[]>;
  enterprisesInArea(areaId: string): Promise<StoredEnterprise[]>;
  updateEnterprise(id: string, patch: EnterprisePatch, expectedVersion: number): Promise<StoredEnterprise>;
  enterpriseHistory(id: string): Promise<AuditEntry[]>;
  coverageByArea(): Promise<AreaCoverage[]>;
  listPlanItems(): Promise<PlanItem[]>;
  /** Members named here are moved out of any other item that is not formed. */
  createPlanItem(item: NewPlanItem): Promise<PlanItem>;
  updatePlanItem(id: string, patch: PlanItemPatch, expectedVersion: number): Promise<PlanItem>;
  deletePlanItem(id: string, expectedVersion: number): Promise<void>;
  /** Takes (or retakes) the figures of every visible area for a date (YYYY-MM-DD). */
  takeBulletinSnapshot(takenOn: string): Promise<BulletinSnapshot[]>;
  listBulletinSnapshots(): Promise<BulletinSnapshot[]>;
  listSlides(deck?: string): Promise<Slide[]>;
  /** A new slide goes to the end of its deck; an existing one is edited at its version. */
  saveSlide(slide: NewSlide | Slide): Promise<Slide>;
  deleteSlide(id: string): Promise<void>;
  /** 已组建 (formed) creates the item's organization and covers its enterprises; moving back undoes it. */
  setPlanItemStatus(id: string, status: PlanItemStatus, expectedVersion: number): Promise<PlanItem>;
}
