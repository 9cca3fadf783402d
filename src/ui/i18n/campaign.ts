/**
 * The campaign's working methods in the interface (issue 16, parts 1, 2, 5): members whose relationship
 * is held elsewhere and their transfer, mass organizations, key enterprises, the transfer what-if.
 * Registered in index.ts under `campaign` (and the column labels under `columns`).
 */
export const campaignColumnsZhCN = {
  members_elsewhere: '组织关系在外党员', members_elsewhere_at: '组织关系所在', members_transferred: '已转入党员', transfer_status: '转接状态',
  transfer_on: '转接日期', union: '工会', youth_league: '共青团', womens_federation: '妇联', key_category: '重点企业类别', liaison: '联系人', registered_on: '成立日期',
};
export const campaignColumnsEn: typeof campaignColumnsZhCN = {
  members_elsewhere: 'Members with relationship elsewhere', members_elsewhere_at: 'Relationship held at', members_transferred: 'Members transferred in',
  transfer_status: 'Transfer status', transfer_on: 'Transfer date', union: 'Trade union', youth_league: 'Youth League', womens_federation: "Women's federation",
  key_category: 'Key-enterprise category', liaison: 'Liaison', registered_on: 'Registered on',
};

export const campaignZhCN = {
  transferStatus: { pending: '待转接', in_progress: '转接中', done: '已转接', none: '—' },
  massOrg: { union: '工会', youth_league: '共青团', womens_federation: '妇联' },
  tri: { yes: '有', no: '无', unknown: '不详' },
};
export const campaignEn: typeof campaignZhCN = {
  transferStatus: { pending: 'Pending', in_progress: 'In progress', done: 'Done', none: '—' },
  massOrg: { union: 'Trade union', youth_league: 'Youth League', womens_federation: "Women's federation" },
  tri: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
};
