/**
 * 规则设置: every setting of the city's rule profile, with its unit, default and the source of the
 * default. Saving stores the profile; the change feed brings it back and the plan is computed again.
 */
import { useState } from 'react';
import { App as AntApp, Button, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RULES, resolveRules, type RuleProfile } from '../core/model/types';
import { StaleWriteError } from '../state/errors';
import { saveRuleProfile, useRuleProfileStore } from '../state/rule-profile';
import { useAppStore } from '../state/store';
import { useCapabilities } from '../state/capabilities';
import { Guarded } from './staff/Guarded';
import { planHeadline, planMadeWith, type PlanHeadline } from '../state/rule-change-effect';
import { joinMessages } from './names';

type Key = keyof RuleProfile;
const KEYS = Object.keys(DEFAULT_RULES) as Key[];
/** Settings that count whole things (people, units, points); the rest are distances and money. */
const WHOLE: ReadonlySet<Key> = new Set<Key>(['standaloneMinFormal', 'generalBranchMinMembers', 'committeeMinMembers', 'jointMinFormal', 'jointMaxMembers',
  'jointMaxUnits', 'mustCoverMinEmployees', 'clusterMinPoints', 'branchCommitteeMinFormal']);
/** The least value each setting takes (the store refuses less). */
const LEAST: Partial<Record<Key, number>> = { jointMaxUnits: 0, mustCoverMinEmployees: 0, jointMaxSpanM: 0, microCapitalBelow: 0, buildingClusterGapM: 0, clusterRadiusM: 0 };
const leastOf = (key: Key): number => LEAST[key] ?? 1;

export function RuleSettings() {
  const { t, i18n } = useTranslation();
  const { message, notification } = AntApp.useApp();
  const profile = useRuleProfileStore((s) => s.profile);
  const canWrite = useAppStore((s) => s.canWrite);
  const capabilities = useCapabilities();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RuleProfile>(DEFAULT_RULES);
  const [saving, setSaving] = useState(false);
  // What was typed where it cannot be taken (empty, below the least value): shown as typed, never saved.
  const [invalid, setInvalid] = useState<Partial<Record<Key, number | null>>>({});
  const invalidCount = Object.keys(invalid).length;

  const show = () => {
    setDraft(resolveRules(profile?.rules));
    setInvalid({});
    setOpen(true);
  };
  const change = (key: Key, value: number | boolean | null) => {
    if (typeof value === 'number' && value >= leastOf(key)) {
      setInvalid(({ [key]: _typed, ...others }) => others);
      setDraft((d) => ({ ...d, [key]: value }));
    } else if (typeof value === 'boolean') setDraft((d) => ({ ...d, [key]: value }));
    else setInvalid((typed) => ({ ...typed, [key]: value }));
  };
  const save = async () => {
    setSaving(true);
    const view = useAppStore.getState().view;
    const before = view ? planHeadline(view) : null;
    try {
      await saveRuleProfile(draft);
      message.success(t('rules.saved'));
      setOpen(false);
      if (before) void planMadeWith(draft).then((after) => after && showEffect(before, planHeadline(after)));
    } catch (error) {
      if (error instanceof StaleWriteError) {
        // saveRuleProfile has brought in the stored profile already: start again from it.
        setDraft(resolveRules(useRuleProfileStore.getState().profile?.rules));
        message.warning(t('rules.stale'));
      } else message.error(t('rules.failed', { message: (error as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  // The plan's headline figures before → after, so that nobody has to look for what the change did.
  const showEffect = (before: PlanHeadline, after: PlanHeadline) => {
    const keys = Object.keys(before) as (keyof PlanHeadline)[];
    const lines = keys.map((k) => t('rules.effectLine', { label: t(`scenarios.figures.${k}`), before: before[k].toLocaleString(i18n.language), after: after[k].toLocaleString(i18n.language) }));
    notification.info({
      title: t('rules.effectTitle'),
      description: <span data-testid="rules-effect">{joinMessages(lines)}</span>,
      duration: 15,
    });
  };
  const format = (value: number | boolean) => (typeof value === 'boolean' ? (value ? t('rules.yes') : t('rules.no')) : String(value));
  return (
    <>
      <Button size="small" onClick={show} data-testid="rules-button">{t('rules.button')}</Button>
      <Modal
        open={open}
        width={960}
        title={t('rules.title')}
        onCancel={() => setOpen(false)}
        footer={[
          <Typography.Text key="version" type="secondary" style={{ marginRight: 12 }}>
            {profile ? `${t('rules.version', { version: profile.version })} · ${t('rules.updated', { time: profile.updatedAt.slice(0, 16).replace('T', ' ') })}` : t('rules.notLoaded')}
          </Typography.Text>,
          invalidCount > 0 ? <Typography.Text key="invalid" type="danger" style={{ marginRight: 12 }} data-testid="rules-invalid">{t('rules.invalidSave', { count: invalidCount })}</Typography.Text> : null,
          <Button key="reset" onClick={() => { setDraft(DEFAULT_RULES); setInvalid({}); }} data-testid="rules-reset">{t('rules.reset')}</Button>,
          <Button key="cancel" onClick={() => setOpen(false)}>{t('rules.cancel')}</Button>,
          <Guarded key="save" capability={capabilities.ruleProfile}><Button type="primary" loading={saving} disabled={!canWrite || !profile || invalidCount > 0} onClick={() => void save()} data-testid="rules-save">{t('rules.save')}</Button></Guarded>,
        ]}
      >
        <Table
          size="small"
          pagination={false}
          rowKey={(key) => key}
          dataSource={KEYS}
          columns={[
            {
              title: t('rules.setting'), key: 'label', render: (_: unknown, key: Key) => (
                <>
                  {t(`rules.settings.${key}.label`)}
                  {draft[key] !== DEFAULT_RULES[key] ? <Tag color="orange" style={{ marginLeft: 6 }}>{t('rules.changed')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('rules.value'), key: 'value', width: 150, render: (_: unknown, key: Key) => {
                const value = draft[key];
                if (typeof value === 'boolean') return <Switch size="small" checked={value} onChange={(on) => change(key, on)} data-testid={`rule-${key}`} />;
                // No `min`: antd would turn a typed −3 into the least value (for 覆盖单位, 0 = 不限) without a word.
                const wrong = key in invalid;
                return (
                  <>
                    <InputNumber size="small" value={wrong ? invalid[key] : value} status={wrong ? 'error' : undefined} precision={WHOLE.has(key) ? 0 : undefined} onChange={(v) => change(key, v)} data-testid={`rule-${key}`} aria-label={t(`rules.settings.${key}.label`)} aria-invalid={wrong} />
                    {wrong ? <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid={`rule-${key}-error`}>{t(WHOLE.has(key) ? 'rules.invalidWhole' : 'rules.invalid', { least: leastOf(key) })}</Typography.Text> : null}
                  </>
                );
              },
            },
            { title: t('rules.unit'), key: 'unit', width: 70, render: (_: unknown, key: Key) => t(`rules.settings.${key}.unit`) },
            { title: t('rules.defaultValue'), key: 'default', width: 70, render: (_: unknown, key: Key) => format(DEFAULT_RULES[key]) },
            { title: t('rules.source'), key: 'source', render: (_: unknown, key: Key) => <Typography.Text type="secondary">{t(`rules.settings.${key}.source`)}</Typography.Text> },
          ]}
        />
      </Modal>
    </>
  );
}
