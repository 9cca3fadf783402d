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
  level: (level: keyof typeof LEVEL_ZH, members: number): ReasonText => ({
    code: `level_${level}`,
    zh: `党员总数${members}名，设立${LEVEL_ZH[level]}`,
    en: `${members} members in total: ${LEVEL_EN[level]}`,
  }),
  place: (placeKind: 'building' | 'building_cluster' | 'zone' | 'cluster' | 'nearby', units: number): ReasonText => {
    const zh = { building: '同一楼宇', building_cluster: '相邻楼宇', zone: '同一商圈（园区、市场）', cluster: '同一未覆盖集聚区', nearby: '地域相邻' }[placeKind];
    const en = { building: 'the same office building', building_cluster: 'neighbouring office buildings', zone: 'the same business district, park or market', cluster: 'the same uncovered cluster', nearby: 'neighbouring streets' }[placeKind];
    return { code: `joint_${placeKind}`, zh: `${zh}内${units}家企业联合组建（地域相邻）`, en: `${units} enterprises in ${en} join one branch (adjacent location)` };
  },
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
  branchCommittee: (formal: number): ReasonText => ({
    code: 'branch_committee',
    zh: `正式党员${formal}名（≥7名），设支部委员会`,
    en: `${formal} formal members (≥ 7): elect a branch committee`,
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
