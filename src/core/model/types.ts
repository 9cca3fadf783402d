/** Domain types shared by every layer. Pure data; no behaviour. */
import type { Polygon, MultiPolygon } from 'geojson';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';

export type PolygonGeometry = Polygon | MultiPolygon;

export interface Enterprise {
  /** Row number in the source file (1-based, header excluded) for messages. */
  row: number;
  id: string;
  name: string;
  creditCode: string;
  district: string;
  street: string;
  address: string;
  /** WGS-84; null when the row has no usable coordinates (kept, listed as unmapped). */
  lon: number | null;
  lat: number | null;
  employees: number | null;
  partyMembers: number | null;
  probationaryMembers: number | null;
  /** In 10,000 CNY (万元). */
  registeredCapital: number | null;
  industry: string;
  status: string;
  ownerIsMember: boolean | null;
  orgId: string;
  workCovered: boolean;
  /** Columns this contract does not name, kept as they came. */
  extra: Record<string, string>;
  // The campaign's working methods (dataset contract "Additions"): absent = the source has no such
  // column (an edit or import then keeps the stored value), null / '' = unknown or none.
  /** 组织关系在外党员: members working here whose Party relationship is held elsewhere (including those since transferred). */
  membersElsewhere?: number | null;
  /** 组织关系所在: 市人才中心 / 流动人员党委 / 原籍 / any other place, ';'-separated ('' = not stated). */
  membersElsewhereAt?: string;
  /** 已转入党员: of membersElsewhere, transferred here (they are counted in partyMembers). */
  membersTransferred?: number | null;
  /** 转接状态 of the members still elsewhere, and the date of its last step (YYYY-MM-DD). */
  transferStatus?: TransferStatus | null;
  transferOn?: string | null;
  /** 工会 / 共青团 / 妇联: a branch exists (true), does not (false), unknown (null). */
  tradeUnion?: boolean | null;
  youthLeague?: boolean | null;
  womensFederation?: boolean | null;
  /** 重点企业类别 (亿元以上 / 优势成长型 / 双重管理 …; '' = not a key enterprise) and its 结对联系 person. */
  keyCategory?: string;
  liaison?: string;
  /** 成立日期 (YYYY-MM-DD). */
  registeredOn?: string | null;
}

/** 待转接 → 转接中 → 已转接 (all transferred). */
export type TransferStatus = 'pending' | 'in_progress' | 'done';

export type ZoneKind = 'business_district' | 'park' | 'market' | 'village';
export type AreaLevel = 'district' | 'street';

export interface Building {
  id: string;
  name: string;
  floors: number | null;
  geometry: PolygonGeometry;
}

export interface Zone {
  id: string;
  name: string;
  kind: ZoneKind;
  geometry: PolygonGeometry;
}

export interface Area {
  id: string;
  name: string;
  level: AreaLevel;
  parent: string | null;
  geometry: PolygonGeometry;
  /** 分片包干责任领导: the leader in charge of the area ('' or absent: none named). */
  leader?: string;
}

export type OrgLevel = 'committee' | 'general_branch' | 'branch';
export type OrgForm =
  | 'standalone'
  | 'building'
  | 'business_district'
  | 'park'
  | 'market'
  | 'village'
  | 'industry'
  | 'area'
  | 'association';

export interface Organization {
  id: string;
  name: string;
  level: OrgLevel;
  form: OrgForm;
  parentId: string | null;
}

export interface Dataset {
  name: string;
  crs: Crs;
  enterprises: Enterprise[];
  buildings: Building[];
  zones: Zone[];
  areas: Area[];
  organizations: Organization[];
  rules: Partial<RuleProfile>;
}

export interface RuleProfile {
  /** Formal members that make an enterprise set up its own organization. */
  standaloneMinFormal: number;
  /** Total members (formal + probationary) from which the own org is a general branch. */
  generalBranchMinMembers: number;
  /** Total members from which the own org is a committee (基层党委). */
  committeeMinMembers: number;
  jointMinFormal: number;
  jointMaxMembers: number;
  /** 0 = no limit. */
  jointMaxUnits: number;
  /** Largest distance between two enterprises of one joint branch. */
  jointMaxSpanM: number;
  /** Must-cover: this many employees or more … */
  mustCoverMinEmployees: number;
  /** … or any Party member (formal or probationary). */
  mustCoverAnyMember: boolean;
  /** Micro enterprise: registered capital below this, in 万元. */
  microCapitalBelow: number;
  /** Buildings whose footprints lie this close form one building cluster. */
  buildingClusterGapM: number;
  /** Uncovered-cluster detection (DBSCAN). */
  clusterRadiusM: number;
  clusterMinPoints: number;
  /** Formal members from which a branch elects a committee (支委会). */
  branchCommitteeMinFormal: number;
}

export const DEFAULT_RULES: RuleProfile = {
  standaloneMinFormal: 3,
  generalBranchMinMembers: 51,
  committeeMinMembers: 100,
  jointMinFormal: 3,
  jointMaxMembers: 50,
  jointMaxUnits: 5,
  jointMaxSpanM: 1000,
  mustCoverMinEmployees: 30,
  mustCoverAnyMember: true,
  microCapitalBelow: 50,
  buildingClusterGapM: 150,
  clusterRadiusM: 250,
  clusterMinPoints: 8,
  branchCommitteeMinFormal: 7,
};

export function resolveRules(overrides: Partial<RuleProfile> | undefined): RuleProfile {
  return { ...DEFAULT_RULES, ...(overrides ?? {}) };
}
