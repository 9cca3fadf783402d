/** The meeting room's strings (presenter and audience windows, side by side, the HTML presentation file, colours); the `meeting` key of both languages, merged in index.ts. */
export const meetingZhCN = {
  presentTwo: '双屏演示（演讲者视图）',
  secondScreen: '已检测到第二块屏幕：观众窗口将放在投影仪上',
  oneScreen: '单屏时用“开始演示”；双屏演示会另开一个观众窗口，把它拖到投影仪上',
  popupBlocked: '浏览器拦截了观众窗口，已改为单屏演示。请允许本站弹出窗口后再试。',
  presenterTitle: '演讲者视图', current: '当前', next: '下一页', last: '已是最后一页', noNotes: '（本页无备注）',
  previous: '上一页', nextButton: '下一页', pointer: '在地图上指示（观众屏显示红点）', end: '结束演示',
  audienceOpen: '观众窗口已打开', reopen: '重新打开观众窗口', audienceWaiting: '等待演讲者开始演示…', fullscreen: '全屏',
  rate: '组建率',
  sides: { now: '现状', plan: '计划完成后', recommended: '建议全部组建后' },
  split: {
    toggle: '两图对比', side: '并排', swipe: '卷帘', left: '左图', right: '右图', hint: '两图同步移动；环圈标出两侧覆盖状态不同（比较两个方案时还有所在党组织不同）的企业',
    mode: '对比方式', compare: '对比内容', compares: { plan: '现状与计划', scenarios: '两个方案', snapshots: '两个快照日期' },
    scenarioA: '方案A', scenarioB: '方案B', scenarioHint: '各方案按其规则规划，企业按“建议全部组建后”着色',
    dateA: '左侧日期', dateB: '右侧日期', snapshotLabel: '快照 {{date}}', noDate: '未选快照日期', noSnapshot: '该日期无快照',
    fewDates: '快照日期不足两个（现有 {{count}} 个），无法对比。请在“通报”页生成快照。',
    planning: '正在按该方案规划…', snapshotNote: '快照只保存各地区的数字：按地区组建率着色，不显示企业',
    failed: '方案规划失败：{{message}}', showOnMap: '在地图上两图对比', ifFormed: '全部组建后：',
  },
  changed: '两侧覆盖状态不同的企业：{{count}} 家',
  changedScenarios: '两个方案中覆盖状态或所在党组织不同的企业：{{count}} 家',
  changedLegend: '两侧覆盖状态不同',
  palette: { label: '覆盖配色', standard: '标准配色', contrast: '高对比（色盲友好）' },
  export: {
    button: '导出演示文件（HTML）', file: '联建演示', done: '已导出演示文件（{{size}}），可拷到U盘，在没有网络的电脑上用 Chromium 或 Edge 打开',
    snapshot: '数据快照：{{date}}（导出时的数据，不随系统更新）', keys: '← → 翻页 · N 备注 · F 全屏', counter: '第 {{n}} / {{total}} 页',
  },
};

export type MeetingMessages = typeof meetingZhCN;

export const meetingEn: MeetingMessages = {
  presentTwo: 'Present on two screens (presenter view)',
  secondScreen: 'A second screen was found: the audience window goes to the projector',
  oneScreen: 'On one screen use “Present”; two screens open an audience window to drag onto the projector',
  popupBlocked: 'The browser blocked the audience window; presenting on one screen. Allow pop-ups for this site and try again.',
  presenterTitle: 'Presenter view', current: 'Now', next: 'Next', last: 'This is the last slide', noNotes: '(no notes on this slide)',
  previous: 'Previous', nextButton: 'Next', pointer: 'Point on the map (a red dot on the audience screen)', end: 'End',
  audienceOpen: 'Audience window open', reopen: 'Open the audience window again', audienceWaiting: 'Waiting for the presenter…', fullscreen: 'Full screen',
  rate: 'Coverage rate',
  sides: { now: 'Now', plan: 'After the plan', recommended: 'After every recommendation' },
  split: {
    toggle: 'Two maps', side: 'Side by side', swipe: 'Swipe', left: 'Left', right: 'Right', hint: 'Both maps move together; rings mark the enterprises whose coverage differs (comparing two scenarios, also whose organization differs)',
    mode: 'Layout', compare: 'Compare', compares: { plan: 'Now and the plan', scenarios: 'Two scenarios', snapshots: 'Two snapshot dates' },
    scenarioA: 'Scenario A', scenarioB: 'Scenario B', scenarioHint: 'Each scenario is planned under its rules; enterprises coloured as after every recommendation',
    dateA: 'Left date', dateB: 'Right date', snapshotLabel: 'Snapshot {{date}}', noDate: 'No snapshot date chosen', noSnapshot: 'No snapshot on this date',
    fewDates: 'Fewer than two snapshot dates ({{count}} so far): nothing to compare. Take snapshots on the Bulletin tab.',
    planning: 'Planning this scenario…', snapshotNote: 'Snapshots keep per-area figures only: areas coloured by coverage rate, no enterprises',
    failed: 'Planning the scenario failed: {{message}}', showOnMap: 'Compare on two maps', ifFormed: 'All formed:',
  },
  changed: 'Enterprises whose coverage differs: {{count}}',
  changedScenarios: 'Enterprises whose coverage or organization differs between the scenarios: {{count}}',
  changedLegend: 'Coverage differs between the sides',
  palette: { label: 'Colours', standard: 'Standard', contrast: 'High contrast (colour-blind safe)' },
  export: {
    button: 'Export presentation (HTML)', file: 'lianjian-presentation', done: 'Presentation exported ({{size}}): copy it to a USB stick and open it in Chromium or Edge, no network needed',
    snapshot: 'Snapshot of {{date}} (the data when exported; it does not update)', keys: '← → slides · N notes · F full screen', counter: 'Slide {{n}} / {{total}}',
  },
};
