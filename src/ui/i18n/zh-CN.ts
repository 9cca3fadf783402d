/** 简体中文（默认）. Keys are shared with en.ts; a missing key there fails the i18n test. */
export const zhCN = {
  app: { title: '联建', subtitle: '非公企业党组织覆盖规划', synthetic: '合成示例数据', loading: '正在载入数据并计算规划…', loadFailed: '数据载入失败', dataset: '数据集' },
  language: { label: '语言', zh: '中文', en: 'English' },
  boot: {
    start: '正在启动…', engine: '正在启动本机数据库（PGlite + PostGIS）…', migration: '正在建立数据表：{{detail}}', download: '正在读取示例数据…',
    seed: '正在导入到本机数据库：{{detail}}', read: '正在从数据库读取数据…', plan: '正在计算组建率和规划建议…', connect: '正在连接 Supabase…',
    hint: '首次启动需要建立本机数据库并导入数据，约需半分钟；之后启动只需数秒。',
  },
  import: {
    button: '导入', title: '导入', enterprises: '企业名录（CSV / XLSX）', places: '图层（GeoJSON / Shapefile）', chooseGeojson: '选择 GeoJSON 或 Shapefile（.zip）…',
    placesSummary: '读取到 {{count}} 个可用要素，发现 {{problems}} 个问题', placesCommit: '写入 {{count}} 个要素', placesWritten: '已写入 {{count}} 个要素，{{rejected}} 个被拒绝', choose: '选择文件（CSV / XLSX）…', crs: '坐标系', gcj02: 'GCJ-02（高德、腾讯）', bd09: 'BD-09（百度）', cancel: '取消',
    summary: '共读取 {{rows}} 行，全部保留；发现 {{problems}} 个问题（{{format}}，编码 {{encoding}}，表头在第 {{header}} 行）',
    mapping: '未识别的列：', keepExtra: '作为附加列保留', reread: '按此对应重新读取', rejected: '{{count}} 行无法写入，整批未写入：',
    row: '行', column: '列', value: '原值', code: '问题代码', message: '说明', commit: '全部写入（{{count}} 行）', again: '重新选择', committed: '已写入 {{count}} 行',
  },
  export: {
    button: '导出', enterprisesCsv: '企业名录 CSV', enterprisesXlsx: '企业名录 XLSX', worklistCsv: '应建未建清单 CSV', worklistXlsx: '应建未建清单 XLSX',
    areasXlsx: '分区统计 XLSX', reportXlsx: '规划报告 XLSX', reportJson: '规划报告 JSON', geoEnterprises: '企业图层 GeoJSON', geoBuildings: '楼宇图层 GeoJSON',
    geoZones: '商圈园区图层 GeoJSON', geoAreas: '行政区划图层 GeoJSON', geoClusters: '未覆盖集聚区 GeoJSON',
  },
  storage: {
    local: '本机存储', persisted: '已持久化', notPersisted: '未获持久化授权', persistUnknown: '持久化状态未知', menu: '数据',
    export: '导出整个数据库…', restore: '从备份恢复…', exported: '已导出 {{size}} MB', restored: '已从备份恢复', failed: '操作失败：{{message}}',
  },
  summary: {
    listed: '登记企业', enterprises: '在营企业', covered: '已建党组织覆盖', coverageRate: '组建率', ownOrgRate: '单独组建率',
    workCovered: '工作覆盖', mustCover: '应建企业', mustCoverCovered: '应建已建', sixClears: '六清完整', unmapped: '未上图',
  },
  legend: {
    title: '图例', enterprises: '企业（按覆盖状态）', ownOrg: '单独组建', jointOrg: '联合组建', workOnly: '仅工作覆盖',
    uncoveredMust: '应建未建', uncoveredOther: '其他未覆盖', outOfScope: '非在营（不计入）', sizeNote: '点大小表示职工人数',
    buildings: '商务楼宇', zones: '商圈 / 园区 / 市场 / 村', areas: '行政区划', clusters: '未覆盖集聚区', heat: '应建未建热力', coverageFill: '楼宇 / 商圈按组建率着色', planItems: '计划项（按状态）', recommendations: '推荐联建范围',
  },
  zoneKind: { business_district: '商圈', park: '园区', market: '市场 / 特色街区', village: '村' },
  detail: {
    title: '企业详情', close: '关闭', name: '企业名称', creditCode: '统一社会信用代码', district: '区县', street: '乡镇街道', address: '地址',
    employees: '职工人数', partyMembers: '正式党员', probationaryMembers: '预备党员', registeredCapital: '注册资本（万元）', industry: '行业',
    status: '经营状况', ownerIsMember: '业主是否党员', org: '所属党组织', workCovered: '工作覆盖', coverage: '覆盖状态', mustCover: '应建企业',
    building: '所在楼宇', zone: '所在商圈/园区', recommendation: '规划建议', yes: '是', no: '否', unknown: '未填', none: '无',
    edit: '编辑', save: '保存', cancel: '取消', saved: '已保存', stale: '保存失败：该企业已被他人修改，请刷新后重试', saveFailed: '保存失败：{{message}}', version: '版本',
  },
  recommend: {
    title: '规划建议', count: '{{count}} 项', all: '全部', empty: '没有建议', enterprises: '{{count}} 家企业', members: '正式党员 {{formal}} / 党员 {{members}}',
    kind: { standalone: '单独组建', joint_branch: '联合党支部', building_community: '楼宇社区党组织', zone_org: '商圈（园区、市场）党组织', association_branch: '个私协会联合支部', work_coverage: '工作覆盖', new_zone: '新建区域联建' },
    level: { committee: '党委', general_branch: '党总支', branch: '党支部' },
    effect: '应建未建 {{total}} 家：{{inOrgs}} 家纳入 {{orgs}} 个党组织，{{work}} 家工作覆盖（简单贪心：{{greedy}} 家）',
  },
  settings: {
    title: '底图设置', basemap: '底图', offline: '离线底图（行政区划）', xyz: 'XYZ 瓦片地址', pmtiles: 'PMTiles 文件', url: '地址',
    gcjWarning: '注意：高德、腾讯等地图使用 GCJ-02 坐标，与本系统的 WGS-84 数据会错开约 500 米；请使用天地图等 WGS-84（CGCS2000）底图。',
    apply: '应用', cancel: '取消', attribution: '底图数据版权归提供方所有',
  },
  tooltip: { enterprise: '{{name}}\n{{status}} · 职工 {{employees}} · 党员 {{members}}' },
  tabs: { overview: '概览', plan: '组建计划', worklist: '工作清单', recommendations: '规划建议', bulletin: '通报', slides: '演示' },
  overview: {
    scope: '范围：{{scope}}', city: '全部', screen: '当前视野', filtered: '筛选后 {{shown}} / {{total}} 家', table: '各地区组建率排名',
    districts: '区县', streets: '街道', rank: '名次', area: '地区', rate: '组建率', ownRate: '单独组建率', enterprises: '在营企业', mustCover: '应建已建',
    clickHint: '点击一行：缩放到该地区并只看该地区',
  },
  filter: {
    search: '搜索企业名称、信用代码或地址', area: '地区', industry: '行业', size: '规模（职工）', mustCover: '应建企业', coverage: '覆盖状态', operating: '经营状况',
    any: '不限', yes: '是', no: '否', operatingYes: '在营', operatingNo: '非在营', screen: '只看当前视野', reset: '清除筛选', shown: '显示 {{shown}} / {{total}} 家',
    sizes: { lt10: '10 人以下', '10to29': '10–29 人', '30to99': '30–99 人', '100to299': '100–299 人', ge300: '300 人及以上', unknown: '未填' },
  },
  plan: {
    new: '新建计划项', pick: '点选企业 / 楼宇 / 商圈', polygon: '画多边形', freehand: '套索圈选', toolHint: '点击企业加入或移出；点击楼宇或商圈加入其中未覆盖的企业；画多边形时逐点单击，按回车结束。',
    title: '名称', titlePlaceholder: '如：某某大厦联合党支部', kind: '组建形式', level: '层级', members: '已选企业', undo: '撤销', redo: '重做', save: '保存计划项',
    saveAsWork: '改为工作覆盖并保存', cancel: '放弃', saved: '计划项已保存', stale: '保存失败：该计划项已被他人修改，已重新读取，请再试', failed: '操作失败：{{message}}',
    blocked: '不符合组建规则，不能保存为党组织；请调整，或改为工作覆盖。', ok: '符合组建规则', edit: '编辑成员', delete: '删除', deleted: '已删除',
    items: '计划项（{{count}}）', empty: '还没有计划项：接受一条规划建议，或新建一项。', accept: '采纳为计划项', accepted: '已采纳为计划项（拟建）',
    owner: '责任人', instructor: '党建指导员', dueDate: '完成时限', apply: '保存', next: '推进到「{{status}}」', back: '退回「{{status}}」',
    status: { proposed: '拟建', forming: '组建中', formed: '已组建' }, moved: '已从「{{from}}」移入', inOther: '{{count}} 家将从其他计划项移入',
    removeMember: '移出', defaultTitle: '{{place}}{{kind}}', formedNote: '已组建：其企业计入组建率（挂牌销号）',
    figures: { units: '单位数', formal: '正式党员', members: '党员总数', mustCover: '应建企业', span: '最远间距', industries: '行业' },
    rule: {
      empty: '还没有选入企业', already_covered: '{{count}} 家已建有党组织', out_of_scope: '{{count}} 家非在营', standalone_one_unit: '单独组建只能有 1 家单位（现 {{value}} 家）',
      too_few_formal: '正式党员 {{value}} 名，少于 {{limit}} 名', too_many_members: '党员 {{value}} 名，超过 {{limit}} 名（应分设或升格）',
      too_many_units: '单位 {{value}} 家，超过 {{limit}} 家', span_too_large: '企业最远相距 {{value}} 米，超过 {{limit}} 米', unmapped_member: '{{count}} 家没有坐标',
      not_micro: '{{count}} 家不是小微企业',
    },
  },
  worklist: {
    title: '应建未建企业工作清单', count: '{{count}} 家', planned: '计划项', unplanned: '未列入计划', owner: '责任人', allOwners: '全部责任人', allAreas: '全部地区',
    name: '企业名称', area: '地区', employees: '职工', members: '党员', status: '计划状态',
  },
  history: { title: '修改记录', empty: '没有修改记录', insert: '建档', update: '修改', delete: '删除', by: '操作人', fields: '变更', system: '系统' },
  validation: { creditCode: '统一社会信用代码校验位不符（应为 {{expected}}）', creditCodeFormat: '统一社会信用代码应为 18 位数字或大写字母', nonNegative: '不能为负数', required: '必填' },
  bulletin: {
    take: '生成快照', auto: '每半月自动生成（1 日、16 日）', empty: '还没有快照：选择日期后点「生成快照」。', taken: '已生成 {{date}} 的快照',
    rank: '名次', area: '地区', rate: '组建率', points: '较上期', newOrgs: '新建组织', newlyCovered: '新覆盖', itemsDone: '完成计划', sixClears: '六清完整',
    districts: '各区县排名', streetsOf: '{{name}}各街道', since: '与上期（{{date}}）相比', xlsx: '导出 XLSX', print: '打印通报',
    printTitle: '非公企业党组织组建工作半月通报（{{dataset}}，{{date}}）',
  },
  slides: {
    afterPlan: '地图显示计划完成后的覆盖', title: '幻灯片标题', note: '备注（演示时显示）', add: '把当前视图存为幻灯片', present: '开始演示', empty: '还没有幻灯片',
    untitled: '幻灯片 {{n}}', recapture: '更新视图', before: '现状', after: '计划完成后', exit: '退出演示', rateNow: '组建率（现状）', rateAfter: '组建率（计划完成后）',
  },
  image: {
    button: '地图图片', title: '导出地图图片（PNG）', width: '宽度（像素，投影与印刷建议 3840 及以上）', heading: '图片标题', defaultTitle: '非公企业党组织覆盖图',
    export: '导出 PNG', north: '北', attribution: '数据：{{dataset}} {{synthetic}} · 底图：行政区划（离线）· 联建 LianJian',
  },
  report: { print: '打印报告', size: '纸张', title: '{{area}}非公企业党组织组建情况报告', figures: '主要指标', ranking: '各地区组建率排名', recommendations: '规划建议（前 {{count}} 项）', map: '覆盖图', generated: '生成于 {{date}}' },
  coverage: { own_org: '单独组建', joint_org: '联合组建', work_only: '仅工作覆盖', uncovered_must: '应建未建', uncovered_other: '未覆盖', out_of_scope: '非在营' },
};

export type Messages = typeof zhCN;
