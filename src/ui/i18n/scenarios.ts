/** The 方案比较 (scenarios side by side) panel's strings (the `scenarios` key of both languages; merged in index.ts). */
export const scenariosZhCN = {
  button: '方案比较', title: '方案比较：同一企业名录，按不同规则规划', current: '现行规则', pick: '对比方案（最多两个，在现行规则上改动）', compare: '比较',
  export: '导出 XLSX', file: '方案比较', sheet: '方案比较', area: '地区', level: '层级', total: '合计', district: '区县', street: '乡镇街道',
  failed: '比较失败：{{message}}', hint: '在后台按各方案规划，当前地图和规划不变。',
  presetIsCurrent: '{{name}}（即现行规则）',
  presets: { units8: '联合党支部≤8家', unitsUnlimited: '联合党支部家数不限', span1500: '企业间距≤1500米', mustCover50: '应建：从业人员50人以上' },
  figures: { mustCover: '应建未建', mustCoverInOrgs: '应建纳入组织', newOrgs: '新建组织', workCoverage: '工作覆盖', umbrellas: '上级联建组织' },
};

export type ScenariosMessages = typeof scenariosZhCN;

export const scenariosEn: ScenariosMessages = {
  button: 'Scenarios', title: 'Scenarios: the same register planned under different rules', current: 'Current rules', pick: 'Compare with (up to two, changes to the current rules)', compare: 'Compare',
  export: 'Export XLSX', file: 'scenarios', sheet: 'Scenarios', area: 'Area', level: 'Level', total: 'Total', district: 'District', street: 'Street',
  failed: 'Comparison failed: {{message}}', hint: 'Planned in the background; the map and the current plan stay as they are.',
  presetIsCurrent: '{{name}} (the rules in force)',
  presets: { units8: 'Joint branch ≤ 8 units', unitsUnlimited: 'Joint branch: any number of units', span1500: 'Enterprises ≤ 1,500 m apart', mustCover50: 'Must cover from 50 employees' },
  figures: { mustCover: 'Must cover, uncovered', mustCoverInOrgs: 'Must cover into orgs', newOrgs: 'New orgs', workCoverage: 'Work coverage', umbrellas: 'Umbrella orgs' },
};
