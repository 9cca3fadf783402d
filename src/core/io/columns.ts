/** The enterprises.csv columns of the dataset contract and the header spellings people actually use. */
export const ENTERPRISE_COLUMNS = [
  'id', 'name', 'credit_code', 'district', 'street', 'address', 'lon', 'lat', 'employees', 'party_members',
  'probationary_members', 'registered_capital', 'industry', 'status', 'owner_is_member', 'org_id', 'work_covered',
] as const;

export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];

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
};

const normalize = (h: string) => h.replace(/^\uFEFF/, '').replace(/[\s_（）()]/g, '').toLowerCase();

const LOOKUP = new Map<string, EnterpriseColumn>();
for (const column of ENTERPRISE_COLUMNS) {
  LOOKUP.set(normalize(column), column);
  for (const alias of HEADER_ALIASES[column]) LOOKUP.set(normalize(alias), column);
}

/** The contract column a header cell names, or null. */
export function recogniseHeader(cell: string): EnterpriseColumn | null {
  return LOOKUP.get(normalize(cell)) ?? null;
}

/** The Chinese header of each column, as spreadsheets for Chinese users show it. */
export const CHINESE_HEADERS: Record<EnterpriseColumn, string> = Object.fromEntries(
  ENTERPRISE_COLUMNS.map((c) => [c, HEADER_ALIASES[c][0] === 'ID' ? '编号' : HEADER_ALIASES[c][0]]),
) as Record<EnterpriseColumn, string>;
