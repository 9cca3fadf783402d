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
  detail: {
    elsewhere: '组织关系在外党员', elsewhereValue: '{{found}} 名（已转入 {{transferred}} 名，待转 {{pending}} 名）', elsewhereAt: '组织关系所在',
    transfer: '转接状态', transferOn: '（{{date}}）', massOrgs: '群团组织', keyCategory: '重点企业', liaison: '结对联系人', registeredOn: '成立日期',
    notKey: '否', markDone: '标记已转接', members: '转入人数', confirm: '确认转入', doneMessage: '已转入 {{count}} 名党员，正式党员现为 {{formal}} 名',
    failed: '转接未保存：{{message}}', stale: '该企业已被他人修改，请重新打开后再试',
  },
  edit: { section: '理顺组织关系 · 群团 · 重点企业', places: '可多选或输入其他所在地' },
  tab: '转接清单',
  worklist: {
    hint: '在本单位工作、组织关系在外的党员（流动人员党委、市人才中心、原籍）：动员转入后计入本企业正式党员。范围随筛选（地区）变化。',
    empty: '当前范围内没有待转接的党员', enterprise: '企业', area: '地区', counts: '在外 / 已转', at: '所在', status: '状态', date: '日期', action: '操作',
    total: '共 {{enterprises}} 家企业、{{pending}} 名党员待转接', unlocks: '转入后可组建',
  },
  overview: {
    title: '理顺党员组织关系 · 党群联动 · 重点企业', elsewhere: '组织关系在外党员', transferred: '已转入', massOrgNoParty: '已建群团未建党组织', key: '重点企业',
    whatIf: '若 {{pending}} 名在外党员完成转接：{{own}} 家企业可单独组建，可新增 {{joint}} 个联合党支部，覆盖 {{mustCover}} 家应建企业',
    whatIfNone: '当前范围内没有待转接的党员',
    whatIfComputing: '正在计算转接后的组建情况…',
    helpElsewhere: '在本地区在营企业工作、组织关系在外（市人才中心、流动人员党委、原籍等）的党员，含已转入的', helpMass: '已建工会、共青团或妇联，但尚未建立党组织的在营企业（拱墅区重点跟踪的对象）',
    whatIfColumn: '转接后可组建', whatIfCell: '单建 {{own}} · 联建 {{joint}}',
  },
  filter: { label: '专项', any: '全部', unlock: '转接后可组建', mass_org_no_party: '已建群团未建党组织', pending_transfer: '有待转接党员', key: '重点企业类别' },
};
export const campaignEn: typeof campaignZhCN = {
  transferStatus: { pending: 'Pending', in_progress: 'In progress', done: 'Done', none: '—' },
  massOrg: { union: 'Trade union', youth_league: 'Youth League', womens_federation: "Women's federation" },
  tri: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
  detail: {
    elsewhere: 'Members with relationship elsewhere', elsewhereValue: '{{found}} ({{transferred}} transferred in, {{pending}} to transfer)', elsewhereAt: 'Relationship held at',
    transfer: 'Transfer status', transferOn: ' ({{date}})', massOrgs: 'Mass organizations', keyCategory: 'Key enterprise', liaison: 'Liaison', registeredOn: 'Registered on',
    notKey: 'No', markDone: 'Mark transferred', members: 'Members transferred', confirm: 'Confirm', doneMessage: '{{count}} members transferred in; formal members now {{formal}}',
    failed: 'Transfer not saved: {{message}}', stale: 'Someone else changed this enterprise: open it again and retry',
  },
  edit: { section: 'Relationships · mass organizations · key enterprise', places: 'Choose several or type another place' },
  tab: 'Transfers',
  worklist: {
    hint: 'Members working here whose Party relationship is held elsewhere (floating-members committee, talent centre, home town): once transferred they count as the enterprise\'s formal members. Follows the area filter.',
    empty: 'No member to transfer in this scope', enterprise: 'Enterprise', area: 'Area', counts: 'Elsewhere / in', at: 'Held at', status: 'Status', date: 'Date', action: 'Action',
    total: '{{enterprises}} enterprises, {{pending}} members to transfer', unlocks: 'Unlocks an organization',
  },
  overview: {
    title: 'Members elsewhere · mass organizations · key enterprises', elsewhere: 'Members elsewhere', transferred: 'Transferred in', massOrgNoParty: 'Mass organization, no Party org', key: 'Key enterprises',
    whatIf: 'If the {{pending}} members elsewhere transferred: {{own}} enterprises could set up their own organization, {{joint}} more joint branches, covering {{mustCover}} must-cover enterprises',
    whatIfNone: 'No member to transfer in this scope',
    whatIfComputing: 'Working out what the transfers would allow…',
    helpElsewhere: 'Members working in the area\'s operating enterprises whose relationship is held elsewhere (talent centre, floating-members committee, home town …), including those transferred', helpMass: 'Operating enterprises with a trade union, Youth League or women\'s federation branch but no Party organization (the list 拱墅区 followed)',
    whatIfColumn: 'After transfers', whatIfCell: 'own {{own}} · joint {{joint}}',
  },
  filter: { label: 'Campaign', any: 'All', unlock: 'Transfers would unlock', mass_org_no_party: 'Mass organization, no Party org', pending_transfer: 'Members to transfer', key: 'Key-enterprise category' },
};
