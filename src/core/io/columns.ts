/** The enterprises.csv columns of the dataset contract and the header spellings people actually use. */
export const ENTERPRISE_COLUMNS = [
  'id', 'name', 'credit_code', 'district', 'street', 'address', 'lon', 'lat', 'employees', 'party_members',
  'probationary_members', 'registered_capital', 'industry', 'status', 'owner_is_member', 'org_id', 'work_covered',
] as const;

/** The campaign's additions (dataset contract "Additions for the campaign's working methods"); optional, blank = unknown. */
export const CAMPAIGN_COLUMNS = [
  'members_elsewhere', 'members_elsewhere_at', 'members_transferred', 'transfer_status', 'transfer_on',
  'union', 'youth_league', 'womens_federation', 'key_category', 'liaison', 'registered_on',
] as const;

/** Every column a file may name: the contract's and the campaign's. */
export const ALL_ENTERPRISE_COLUMNS = [...ENTERPRISE_COLUMNS, ...CAMPAIGN_COLUMNS] as const;

export type EnterpriseColumn = (typeof ALL_ENTERPRISE_COLUMNS)[number];

const HEADER_ALIASES: Record<EnterpriseColumn, string[]> = {
  id: ['编号', '序号编码', '企业编号', 'ID'],
  name: ['企业名称', '单位名称', '名称', '组织名称', '企业(单位)名称', 'company', 'company_name'],
  credit_code: ['统一社会信用代码', '信用代码', '社会信用代码', 'uscc', 'creditcode'],
  district: ['区县', '区、县(市)', '区县(市)', '所属区县', '区'],
  street: ['乡镇街道', '乡镇(街道)', '街道', '所属街道', '镇街'],
  address: ['地址', '企业地址', '注册地址', '经营地址', '住所'],
  lon: ['经度', 'lng', 'longitude', 'x'],
  lat: ['纬度', 'latitude', 'y'],
  employees: ['职工人数', '从业人员', '从业人数', '员工人数', '职工数'],
  party_members: ['正式党员', '党员人数', '正式党员数', '党员数'],
  probationary_members: ['预备党员', '预备党员数'],
  registered_capital: ['注册资本(万元)', '注册资本', '注册资金', '注册资本（万元）'],
  industry: ['行业', '所属行业', '行业类别'],
  status: ['经营状况', '经营状态', '登记状态', '状态'],
  owner_is_member: ['业主是否党员', '出资人是否党员', '业主身份'],
  org_id: ['所属党组织', '党组织编号', '党组织'],
  work_covered: ['工作覆盖', '是否工作覆盖'],
  members_elsewhere: ['组织关系在外党员', '组织关系不在本单位党员', '关系在外党员', '流动党员', '口袋党员', '组织关系在外党员数'],
  members_elsewhere_at: ['组织关系所在', '组织关系所在地', '组织关系隶属', '组织关系挂靠'],
  members_transferred: ['已转入党员', '已转接党员', '已转入党员数', '转入党员'],
  transfer_status: ['转接状态', '组织关系转接状态', '转接情况'],
  transfer_on: ['转接日期', '转接时间'],
  union: ['工会', '是否建立工会', '已建工会', 'trade_union'],
  youth_league: ['共青团', '团组织', '是否建立团组织', '已建团组织'],
  womens_federation: ['妇联', '妇女组织', '是否建立妇联', '已建妇联'],
  key_category: ['重点企业类别', '重点企业', '企业类别（重点）'],
  liaison: ['联系人', '结对联系人', '联系领导'],
  registered_on: ['成立日期', '注册日期', '登记日期', '成立时间'],
};

const normalize = (h: string) => h.replace(/^\uFEFF/, '').replace(/[\s_（）()]/g, '').toLowerCase();

const LOOKUP = new Map<string, EnterpriseColumn>();
for (const column of ALL_ENTERPRISE_COLUMNS) {
  LOOKUP.set(normalize(column), column);
  for (const alias of HEADER_ALIASES[column]) LOOKUP.set(normalize(alias), column);
}

/** The contract column a header cell names, or null. */
export function recogniseHeader(cell: string): EnterpriseColumn | null {
  return LOOKUP.get(normalize(cell)) ?? null;
}

/** The Chinese header of each column, as spreadsheets for Chinese users show it. */
export const CHINESE_HEADERS: Record<EnterpriseColumn, string> = Object.fromEntries(
  ALL_ENTERPRISE_COLUMNS.map((c) => [c, HEADER_ALIASES[c][0] === 'ID' ? '编号' : HEADER_ALIASES[c][0]]),
) as Record<EnterpriseColumn, string>;
