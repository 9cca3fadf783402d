/** The one storage interface the app uses, in domain types. Both engines implement it through the same SQL functions. */
import type { Area, Building, Dataset, Enterprise, Organization, Zone } from '../core/model/types';
import type { AreaCoverage, AuditEntry, BulletinSnapshot, EnterprisePatch, ImportMode, NewPlanItem, NewSlide, PlanItem, PlanItemPatch, PlanItemStatus, RowResult, Slide, StoreCounts } from '../core/model/records';

export type { AreaCoverage, AuditEntry, BulletinSnapshot, EnterprisePatch, ImportMode, NewPlanItem, NewSlide, PlanItem, PlanItemPatch, PlanItemStatus, RowResult, Slide, StoreCounts };

export interface StoredEnterprise extends Enterprise {
  /** Optimistic-locking version: an edit names the version it was made on. */
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

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
