/**
 * The 规则设置 panel's strings (the `rules` key of both languages; merged in index.ts). Every setting
 * of the rule profile has a label, a unit and the source of its default.
 */
import type { RuleProfile } from '../../core/model/types';

type SettingText = { label: string; unit: string; source: string };

const zhSettings: Record<keyof RuleProfile, SettingText> = {
  standaloneMinFormal: { label: '单独组建：正式党员不少于', unit: '名', source: '《中国共产党章程》第三十条（正式党员三人以上的，应当成立党的基层组织）' },
  generalBranchMinMembers: { label: '单独组建为党总支：党员总数不少于', unit: '名', source: '《中国共产党支部工作条例（试行）》（党支部党员一般不超过50名，超过的可设党总支）' },
  committeeMinMembers: { label: '单独组建为基层党委：党员总数不少于', unit: '名', source: '党组织设置的通行做法（党员100名以上设立基层党委）' },
  jointMinFormal: { label: '联合党支部：正式党员合计不少于', unit: '名', source: '《中国共产党章程》第三十条；《支部工作条例（试行）》第五条（不足3人的可联合成立党支部）' },
  jointMaxMembers: { label: '联合党支部：党员总数不超过', unit: '名', source: '《中国共产党支部工作条例（试行）》（党支部党员一般不超过50名）' },
  jointMaxUnits: { label: '联合党支部：覆盖单位不超过（0 = 不限）', unit: '家', source: '各地联建做法（联合党支部所属单位一般不超过5个）；本系统默认' },
  jointMaxSpanM: { label: '联合党支部：企业相互距离不超过', unit: '米', source: '《支部工作条例（试行）》第五条“地域相邻”；距离为本系统默认' },
  mustCoverMinEmployees: { label: '应建企业：从业人员不少于', unit: '人', source: '原文：临浦试点“对从业人员30人以上或有党员的两新组织实现全覆盖”' },
  mustCoverAnyMember: { label: '应建企业：有党员（含预备党员）即应建', unit: '', source: '原文：临浦试点“或有党员的”' },
  microCapitalBelow: { label: '小微企业：注册资本低于', unit: '万元', source: '本系统默认（个私协会联合党支部的对象）' },
  buildingClusterGapM: { label: '楼宇群：楼宇间距不超过', unit: '米', source: '本系统默认' },
  clusterRadiusM: { label: '未覆盖聚集区：邻域半径', unit: '米', source: '本系统默认（DBSCAN 聚类）' },
  clusterMinPoints: { label: '未覆盖聚集区：最少企业数', unit: '家', source: '本系统默认（DBSCAN 聚类）' },
  branchCommitteeMinFormal: { label: '党支部设支委会：正式党员不少于', unit: '名', source: '《中国共产党支部工作条例（试行）》（正式党员7人以上的党支部设立支部委员会）' },
};

const enSettings: Record<keyof RuleProfile, SettingText> = {
  standaloneMinFormal: { label: 'Own organization: formal members at least', unit: 'members', source: 'Party Constitution art. 30 (three or more formal members set up a primary organization)' },
  generalBranchMinMembers: { label: 'Own organization is a general branch: members at least', unit: 'members', source: 'Regulations on Party Branch Work (trial) (a branch has at most about 50 members; above that a general branch)' },
  committeeMinMembers: { label: 'Own organization is a committee: members at least', unit: 'members', source: 'Common practice (100 or more members set up a primary committee)' },
  jointMinFormal: { label: 'Joint branch: formal members in total at least', unit: 'members', source: 'Party Constitution art. 30; Branch Regulations art. 5 (units with fewer than 3 may form a joint branch)' },
  jointMaxMembers: { label: 'Joint branch: members at most', unit: 'members', source: 'Regulations on Party Branch Work (trial) (a branch has at most about 50 members)' },
  jointMaxUnits: { label: 'Joint branch: units at most (0 = no limit)', unit: 'units', source: 'Local practice (a joint branch usually covers at most 5 units); this system\'s default' },
  jointMaxSpanM: { label: 'Joint branch: enterprises at most this far apart', unit: 'm', source: 'Branch Regulations art. 5 "adjacent location"; the distance is this system\'s default' },
  mustCoverMinEmployees: { label: 'Must cover: employees at least', unit: 'employees', source: 'Source: the Linpu pilot, "30 or more employees or any Party member"' },
  mustCoverAnyMember: { label: 'Must cover: any Party member (formal or probationary)', unit: '', source: 'Source: the Linpu pilot, "or any Party member"' },
  microCapitalBelow: { label: 'Micro enterprise: registered capital below', unit: '10k yuan', source: 'This system\'s default (the association branches\' members)' },
  buildingClusterGapM: { label: 'Building cluster: buildings at most this far apart', unit: 'm', source: 'This system\'s default' },
  clusterRadiusM: { label: 'Uncovered cluster: neighbourhood radius', unit: 'm', source: 'This system\'s default (DBSCAN)' },
  clusterMinPoints: { label: 'Uncovered cluster: enterprises at least', unit: 'enterprises', source: 'This system\'s default (DBSCAN)' },
  branchCommitteeMinFormal: { label: 'Branch elects a committee: formal members at least', unit: 'members', source: 'Regulations on Party Branch Work (trial) (7 or more formal members elect a branch committee)' },
};

export const rulesZhCN = {
  button: '规则设置', title: '规则设置（全市统一的规划规则）', setting: '设置', value: '取值', unit: '单位', defaultValue: '默认值', source: '默认值依据',
  save: '保存并重新规划', reset: '全部恢复默认', cancel: '取消', yes: '是', no: '否',
  version: '第 {{version}} 版', updated: '更新于 {{time}}', saved: '规则已保存，已按新规则重新规划', stale: '规则已被他人修改：已载入最新规则，请核对后再保存',
  failed: '保存失败：{{message}}', notLoaded: '规则尚未从存储读出', changed: '与默认值不同',
  invalid: '请填写不小于 {{least}} 的数', invalidWhole: '请填写不小于 {{least}} 的整数', invalidSave: '有 {{count}} 项取值需要改正', invalidSave_one: '有 {{count}} 项取值需要改正', effectTitle: '新规则下的规划', effectLine: '{{label}} {{before}} → {{after}}',
  settings: zhSettings,
};

export type RulesMessages = typeof rulesZhCN;

export const rulesEn: RulesMessages = {
  button: 'Rules', title: 'Rule settings (one profile for the whole city)', setting: 'Setting', value: 'Value', unit: 'Unit', defaultValue: 'Default', source: 'Source of the default',
  save: 'Save and plan again', reset: 'Reset all to defaults', cancel: 'Cancel', yes: 'Yes', no: 'No',
  version: 'version {{version}}', updated: 'updated {{time}}', saved: 'Rules saved; the plan was computed again with them', stale: 'Someone else changed the rules: the latest are loaded, check them and save again',
  failed: 'Could not save: {{message}}', notLoaded: 'The rules have not been read from the store yet', changed: 'differs from the default',
  invalid: 'Enter a number of at least {{least}}', invalidWhole: 'Enter a whole number of at least {{least}}', invalidSave: '{{count}} values need correcting', invalidSave_one: '{{count}} value needs correcting', effectTitle: 'The plan under the new rules', effectLine: '{{label}} {{before}} → {{after}}',
  settings: enSettings,
};
