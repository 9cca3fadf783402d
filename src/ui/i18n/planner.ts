/**
 * The planner's strings (the `planner` key of both languages; merged in index.ts): whether an accepted
 * plan item's recommendation is still what the plan recommends, and the zone made from a cluster.
 */
export const plannerZhCN = {
  drift: {
    changed: '建议已变化：成员 +{{added}} −{{removed}}', changedSameMembers: '建议已变化（成员不变）', gone: '建议已不存在',
    changedHint: '重新计算后的建议与本计划项不同：多 {{added}} 家、少 {{removed}} 家。', goneHint: '重新计算后没有与本计划项对应的同类建议（成员可能已覆盖、停业或编入别的组织）。',
    show: '查看当前建议', added: '建议新增', removed: '建议移出',
  },
  zoneName: '{{place}}周边区域', zoneNameFallback: '新建区域（{{count}} 家企业集聚）',
  crossDistrict: '跨区县（{{districts}}）：计划项须在一个区县内，请新建计划项后分别加入企业',
};

export type PlannerMessages = typeof plannerZhCN;

export const plannerEn: PlannerMessages = {
  drift: {
    changed: 'Recommendation changed: members +{{added}} −{{removed}}', changedSameMembers: 'Recommendation changed (same members)', gone: 'Recommendation no longer exists',
    changedHint: 'After re-planning, the recommendation differs from this item: {{added}} more, {{removed}} fewer.', goneHint: 'After re-planning, no recommendation of this kind matches this item (its members may be covered, closed or in another organization).',
    show: 'Show current recommendation', added: 'Recommended to add', removed: 'Recommended to remove',
  },
  zoneName: 'Zone around {{place}}', zoneNameFallback: 'New zone ({{count}} enterprises)',
  crossDistrict: 'Spans districts ({{districts}}): a plan item lies in one district; start a new item and add the enterprises per district',
};
