/** Every reason a recommendation can carry, in zh-CN and English. */
export interface ReasonText {
  code: string;
  zh: string;
  en: string;
}

const LEVEL_ZH = { committee: '党委', general_branch: '党总支', branch: '党支部' } as const;
const LEVEL_EN = { committee: 'a committee', general_branch: 'a general branch', branch: 'a branch' } as const;

export const reasons = {
  standalone: (formal: number, min: number): ReasonText => ({
    code: 'standalone_formal',
    zh: `有正式党员${formal}名（≥${min}名），应单独组建党组织`,
    en: `Has ${formal} formal members (≥ ${min}): set up its own organization`,
  }),
  /** `members` in total; `from` / `below` are the profile's thresholds of that level (null: open-ended). */
  level: (level: keyof typeof LEVEL_ZH, members: number, from: number | null, below: number | null): ReasonText => {
    const zh = from === null ? `${below}名以下` : below === null ? `≥${from}名` : `${from}–${below - 1}名`;
    const en = from === null ? `below ${below}` : below === null ? `≥ ${from}` : `${from}–${below - 1}`;
    return { code: `level_${level}`, zh: `党员总数${members}名（${zh}），设立${LEVEL_ZH[level]}`, en: `${members} members in total (${en}): ${LEVEL_EN[level]}` };
  },
  /** Every member lies in this one building. */
  inBuilding: (building: string, units: number): ReasonText => ({
    code: 'joint_building',
    zh: `同一楼宇（${building}）内${units}家企业联合组建（地域相邻）`,
    en: `${units} enterprises in one office building (${building}) join one branch (adjacent location)`,
  }),
  /** Every member lies in a building of one cluster of neighbouring buildings, `buildings` of them. */
  inBuildingCluster: (building: string, buildings: number, units: number): ReasonText => ({
    code: 'joint_building_cluster',
    zh: `相邻楼宇（${building}等${buildings}栋）内${units}家企业联合组建（地域相邻）`,
    en: `${units} enterprises in ${buildings} neighbouring office buildings (${building} …) join one branch (adjacent location)`,
  }),
  /** `inside` members in the building, `outside` around it, the farthest of them `farthestM` from the nearest one inside. */
  buildingAndNearby: (building: string, inside: number, outside: number, farthestM: number): ReasonText => ({
    code: 'joint_building_nearby',
    zh: `楼宇 ${building} 内${inside}家 + 周边${outside}家（最远${Math.round(farthestM)}米）联合组建（地域相邻）`,
    en: `${inside} in ${building} + ${outside} nearby (farthest ${Math.round(farthestM)} m) join one branch (adjacent location)`,
  }),
  inZone: (zone: string, units: number): ReasonText => ({
    code: 'joint_zone',
    zh: `同一商圈、园区或市场「${zone}」内${units}家企业联合组建（地域相邻）`,
    en: `${units} enterprises in one business district, park or market (${zone}) join one branch (adjacent location)`,
  }),
  inCluster: (units: number): ReasonText => ({
    code: 'joint_cluster',
    zh: `同一未覆盖集聚区内${units}家企业联合组建（地域相邻）`,
    en: `${units} enterprises in one uncovered cluster join one branch (adjacent location)`,
  }),
  nearby: (units: number): ReasonText => ({
    code: 'joint_nearby',
    zh: `地域相邻的${units}家企业联合组建`,
    en: `${units} neighbouring enterprises join one branch (adjacent location)`,
  }),
  span: (spanM: number, limitM: number): ReasonText => ({
    code: 'joint_span',
    zh: `企业间最远相距${Math.round(spanM)}米（不超过${limitM}米）`,
    en: `At most ${Math.round(spanM)} m apart (limit ${limitM} m)`,
  }),
  industry: (industry: string): ReasonText => ({
    code: 'joint_industry',
    zh: `行业相近：${industry}`,
    en: `Similar industry: ${industry}`,
  }),
  formalTotal: (formal: number, members: number): ReasonText => ({
    code: 'joint_members',
    zh: `正式党员${formal}名，党员总数${members}名`,
    en: `${formal} formal members, ${members} members in total`,
  }),
  branchCommittee: (formal: number, min: number): ReasonText => ({
    code: 'branch_committee',
    zh: `正式党员${formal}名（≥${min}名），设支部委员会`,
    en: `${formal} formal members (≥ ${min}): elect a branch committee`,
  }),
  /** 党群联动: the organization is built around `name`, which has these mass organizations and no Party organization. */
  massOrgCore: (name: string, orgsZh: readonly string[], orgsEn: readonly string[]): ReasonText => ({
    code: 'mass_org_core',
    zh: `以已建${orgsZh.join('、')}、尚未建立党组织的${name}为核心（党群联动，群团组织先行）`,
    en: `Built around ${name}, which has a ${orgsEn.join(' and a ')} but no Party organization yet (mass organizations first)`,
  }),
  umbrellaBuilding: (branches: number): ReasonText => ({
    code: 'umbrella_building',
    zh: `楼宇内需设${branches}个联合党支部，建议成立楼宇社区党组织（“1+N”）`,
    en: `${branches} joint branches in this building (cluster): set up a building-community organization ("1 + N")`,
  }),
  umbrellaZone: (branches: number): ReasonText => ({
    code: 'umbrella_zone',
    zh: `区域内需设${branches}个联合党支部，建议成立商圈（园区、市场）党组织`,
    en: `${branches} joint branches in this zone: set up a district / park / market organization`,
  }),
  association: (units: number, capitalBelow: number): ReasonText => ({
    code: 'association',
    zh: `${units}家小微企业（注册资本低于${capitalBelow}万元）不在商圈园区内，依托个私协会联合组建`,
    en: `${units} micro enterprises (capital below ${capitalBelow} × 10k CNY) outside every zone join through the private-business association`,
  }),
  workCoverage: (units: number): ReasonText => ({
    code: 'work_coverage',
    zh: `${units}家应建企业周边党员不足，暂无法组建党组织，建议选派党建指导员实现工作覆盖`,
    en: `${units} must-cover enterprises lack members nearby for any organization: assign an instructor (work coverage)`,
  }),
  unmapped: (units: number): ReasonText => ({
    code: 'unmapped',
    zh: `${units}家企业缺少坐标，无法按地域联建`,
    en: `${units} enterprises have no coordinates and cannot be grouped by location`,
  }),
  newZone: (units: number, radiusM: number): ReasonText => ({
    code: 'new_zone',
    zh: `${units}家应建未建企业在${radiusM}米范围内集聚，且不在已知楼宇和商圈园区内，建议划定新区域实行区域联建`,
    en: `${units} uncovered must-cover enterprises cluster within ${radiusM} m outside every known building and zone: propose a new zone`,
  }),
};
