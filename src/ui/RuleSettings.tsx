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

type Key = keyof RuleProfile;
const KEYS = Object.keys(DEFAULT_RULES) as Key[];
/** Settings that count whole things (people, units, points); the rest are distances and money. */
const WHOLE: ReadonlySet<Key> = new Set<Key>(['standaloneMinFormal', 'generalBranchMinMembers', 'committeeMinMembers', 'jointMinFormal', 'jointMaxMembers',
  'jointMaxUnits', 'mustCoverMinEmployees', 'clusterMinPoints', 'branchCommitteeMinFormal']);
/** The least value each setting takes (the store refuses less). */
const LEAST: Partial<Record<Key, number>> = { jointMaxUnits: 0, mustCoverMinEmployees: 0, jointMaxSpanM: 0, microCapitalBelow: 0, buildingClusterGapM: 0, clusterRadiusM: 0 };

export function RuleSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const profile = useRuleProfileStore((s) => s.profile);
  const canWrite = useAppStore((s) => s.canWrite);
  const capabilities = useCapabilities();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RuleProfile>(DEFAULT_RULES);
  const [saving, setSaving] = useState(false);

  const show = () => {
    setDraft(resolveRules(profile?.rules));
    setOpen(true);
  };
  const change = (key: Key, value: number | boolean | null) => {
    if (value === null) return;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const save = async () => {
    setSaving(true);
    try {
      await saveRuleProfile(draft);
      message.success(t('rules.saved'));
      setOpen(false);
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
          <Button key="reset" onClick={() => setDraft(DEFAULT_RULES)} data-testid="rules-reset">{t('rules.reset')}</Button>,
          <Button key="cancel" onClick={() => setOpen(false)}>{t('rules.cancel')}</Button>,
          <Guarded key="save" capability={capabilities.ruleProfile}><Button type="primary" loading={saving} disabled={!canWrite || !profile} onClick={() => void save()} data-testid="rules-save">{t('rules.save')}</Button></Guarded>,
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
              title: t('rules.value'), key: 'value', width: 130, render: (_: unknown, key: Key) => {
                const value = draft[key];
                return typeof value === 'boolean'
                  ? <Switch size="small" checked={value} onChange={(on) => change(key, on)} data-testid={`rule-${key}`} />
                  : <InputNumber size="small" value={value} min={LEAST[key] ?? 1} precision={WHOLE.has(key) ? 0 : undefined} onChange={(v) => change(key, v)} data-testid={`rule-${key}`} aria-label={t(`rules.settings.${key}.label`)} />;
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
