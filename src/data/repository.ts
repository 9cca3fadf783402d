/** The one storage interface the app uses, in domain types. Both engines implement it through the same SQL functions. */
import type { Area, Building, Dataset, Enterprise, Organization, RuleProfile, Zone } from '../core/model/types';
import type { FeedKind, InspectionNote, NewInspectionNote, RegisterChange, RegisterImportSummary, RowChanges, StoredRuleProfile } from '../core/model/records';
import type { AreaCoverage, AuditEntry, BulletinSnapshot, EnterprisePatch, ImportMode, NewPlanItem, NewSlide, PlanItem, PlanItemPatch, PlanItemStatus, RowResult, Slide, StoreCounts } from '../core/model/records';

export type { InspectionNote, NewInspectionNote, RegisterChange, RegisterImportSummary, StoredRuleProfile };
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

/** Everything that changed after a sequence number, by kind, as the app reads it. */
export interface ChangeSet {
  /** The newest sequence number these changes bring the reader to. */
  lastSeq: number;
  enterprises: RowChanges<StoredEnterprise>;
  areas: RowChanges<Area>;
  buildings: RowChanges<Building>;
  zones: RowChanges<Zone>;
  organizations: RowChanges<Organization>;
  planItems: RowChanges<PlanItem>;
  snapshots: RowChanges<BulletinSnapshot>;
  slides: RowChanges<Slide>;
  inspectionNotes: RowChanges<InspectionNote>;
  registerChanges: RowChanges<RegisterChange>;
  /** The rule profile as it is now, when it changed (null: unchanged). */
  ruleProfile: StoredRuleProfile | null;
}

/** A full read: the dataset the planning core takes, and the workspace's own records (the default deck's slides). */
export interface StoreContents extends Dataset {
  enterprises: StoredEnterprise[];
  /** The stored rule profile; `rules` holds its overrides, so the core plans with it. Absent in contents kept before it was stored. */
  ruleProfile?: StoredRuleProfile;
  planItems: PlanItem[];
  snapshots: BulletinSnapshot[];
  slides: Slide[];
  /** 督查记录 and what register imports found (absent in contents kept before 20261202001500). */
  inspectionNotes?: InspectionNote[];
  registerChanges?: RegisterChange[];
}

/** One row of the feed, raw. */
export interface FeedEntry {
  seq: number;
  kind: FeedKind;
  id: string;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/**
 * The one storage interface. Reads of whole tables happen at start (`readDataset`) only; afterwards
 * the app follows the change feed: every write method hands the rows it changed (and whatever else
 * changed since the last pull) to the `onChanges` listeners before it resolves, and `pullChanges`
 * brings in what other tabs and other people wrote.
 */
export interface Repository {
  readonly kind: 'local' | 'supabase';
  counts(): Promise<StoreCounts>;
  /**
   * Loads a register in one statement (first start, restore): one result per row, inserted or rejected
   * with the reason (outside the caller's district or street, no id, already stored); the rest load.
   */
  loadEnterprises(enterprises: Enterprise[]): Promise<RowResult[]>;
  /** Everything the caller may see, as a Dataset the planning core takes; the feed continues from there. */
  readDataset(name: string, options?: ReadOptions): Promise<StoreContents>;
  /** The feed, raw: one page after a sequence number (contract tests and diagnostics). */
  changesSince(afterSeq: number, pageSize?: number): Promise<FeedEntry[]>;
  /** The newest sequence number the caller can see. */
  feedHead(): Promise<number>;
  /** Reads the feed from where this repository stands and hands the changes to the listeners; resolves with how many rows came. */
  pullChanges(): Promise<number>;
  /**
   * Called with every batch of changes (own writes included, before the write resolves) and the feed
   * position the batch starts after; returns the unsubscribe.
   */
  onChanges(listener: (changes: ChangeSet, afterSeq: number) => void): () => void;
  /**
   * Takes a batch another client of the same store and user read (another tab's write, handed over
   * by BroadcastChannel) when it starts at or before this repository's position: delivered like a
   * pull, without a round trip to the store. Resolves false when there is a gap (then pull).
   */
  acceptChanges(changes: ChangeSet, afterSeq: number): Promise<boolean>;
  /** Where this repository stands in the feed. */
  readonly feedSeq: number;
  /**
   * Writes whose changes the page has (they reach the listeners once committed) but that are not yet
   * durable (the embedded store still writing its files): the page must not call them saved, nor unload.
   */
  readonly pendingWrites: number;
  /** Called with `pendingWrites` whenever it changes. */
  onPendingWrites(listener: (count: number) => void): () => void;
  /** Continues the feed from `seq` instead of a full read (the page shows contents it has kept at that position). */
  resumeFrom(seq: number): void;
  upsertPlaces(kind: 'areas', places: Area[]): Promise<RowResult[]>;
  upsertPlaces(kind: 'buildings', places: Building[]): Promise<RowResult[]>;
  upsertPlaces(kind: 'zones', places: Zone[]): Promise<RowResult[]>;
  upsertOrganizations(organizations: Organization[]): Promise<RowResult[]>;
  /**
   * Imports by id or credit code, one result per row. `apply` keeps the good rows, `check` tries
   * everything and keeps nothing (a preview), `all` keeps all rows or none.
   */
  upsertEnterprises(enterprises: Enterprise[], mode?: ImportMode): Promise<RowResult[]>;
  /**
   * A register import as one run (源头登记): `startRegisterImport`, then every chunk through
   * `importRegisterRows` (applied like upsertEnterprises' `apply`), then `finishRegisterImport`, which
   * records what left the register when the run is the full register of the caller's scope.
   */
  startRegisterImport(fullRegister: boolean, rowCount: number): Promise<string>;
  importRegisterRows(runId: string, enterprises: Enterprise[]): Promise<RowResult[]>;
  finishRegisterImport(runId: string): Promise<RegisterImportSummary>;
  /** 分片包干: names the leader of an area (city staff any area, district staff their district and its streets). */
  setAreaLeader(areaId: string, leader: string): Promise<void>;
  /** Records an inspection note (督查记录), or edits one at its version (StaleWriteError when it changed). */
  saveInspectionNote(note: NewInspectionNote | (Partial<InspectionNote> & Pick<InspectionNote, 'id' | 'version'>)): Promise<InspectionNote>;
  deleteInspectionNote(id: string, expectedVersion: number): Promise<void>;
  enterprisesInBbox(bbox: [number, number, number, number]): Promise<StoredEnterprise[]>;
  enterprisesInArea(areaId: string): Promise<StoredEnterprise[]>;
  updateEnterprise(id: string, patch: EnterprisePatch, expectedVersion: number): Promise<StoredEnterprise>;
  /**
   * 已转接: `members` (null = all still elsewhere) of the enterprise's members whose relationship is held
   * elsewhere have transferred on `doneOn` (null = today); the database adds them to its formal members.
   */
  completeMemberTransfer(id: string, members: number | null, expectedVersion: number, doneOn?: string | null): Promise<StoredEnterprise>;
  enterpriseHistory(id: string): Promise<AuditEntry[]>;
  coverageByArea(): Promise<AreaCoverage[]>;
  /** The city's rule profile (the overrides of the core's defaults, with its version). */
  readRuleProfile(): Promise<StoredRuleProfile>;
  /**
   * Replaces the profile's overrides (city staff only). With `expectedVersion` a profile changed since
   * it was read is refused (StaleWriteError); without it (seeding a new store) it is overwritten.
   */
  saveRuleProfile(rules: Partial<RuleProfile>, expectedVersion?: number): Promise<StoredRuleProfile>;
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
