/**
 * What the app is doing while it starts, in a planner's words: no SQL file names or table names; the
 * "first start takes half a minute" note only while a first start is really under way.
 */
import { Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';

/**
 * The spinner waits before it turns: a later visit is past this screen sooner. Its animation runs on
 * the compositor even while the page's script is busy, and in software rendering every animated
 * frame holds up the map's first drawing.
 */
const SPIN_DELAY_MS = 800;

/** Steps that only a first start (or a restore) goes through. */
const FIRST_START_STEPS = new Set(['migration', 'download', 'seed']);

export function BootScreen() {
  const { t, i18n } = useTranslation();
  const boot = useAppStore((s) => s.boot);
  const step = boot?.step ?? 'start';
  const [kind, detail] = step.split(' ');
  // A migration's file name or a table's name means nothing to a planner: say what is being prepared.
  const what = kind === 'seed' && detail ? t(`boot.tables.${detail}`, { defaultValue: t('boot.tables.other') }) : '';
  const label = t(`boot.${kind}`, { defaultValue: t('boot.start'), what });
  const percent = boot?.total && boot.done ? Math.round((boot.done / boot.total) * 100) : null;
  return (
    <div className="loading" data-testid="boot-screen">
      <Spin size="large" delay={SPIN_DELAY_MS} />
      <Typography.Text data-testid="boot-step">{label}{!boot?.total && boot?.done ? ` ${boot.done.toLocaleString(i18n.language)}` : ''}</Typography.Text>
      {percent !== null ? <Progress percent={percent} style={{ width: 320 }} /> : null}
      {FIRST_START_STEPS.has(kind) ? <Typography.Text type="secondary" data-testid="boot-hint">{t('boot.hint')}</Typography.Text> : null}
    </div>
  );
}
