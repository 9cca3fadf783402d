/** What the app is doing while it starts: the embedded database boots, migrates, loads the demo data, plans. */
import { Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';

export function BootScreen() {
  const { t, i18n } = useTranslation();
  const boot = useAppStore((s) => s.boot);
  const step = boot?.step ?? 'start';
  const [kind, detail] = step.split(' ');
  const label = t(`boot.${kind}`, { defaultValue: step, detail });
  const percent = boot?.total ? Math.round(((boot.done ?? 0) / boot.total) * 100) : null;
  return (
    <div className="loading" data-testid="boot-screen">
      <Spin size="large" />
      <Typography.Text data-testid="boot-step">{label}{!boot?.total && boot?.done ? ` ${boot.done.toLocaleString(i18n.language)}` : ''}</Typography.Text>
      {percent !== null ? <Progress percent={percent} style={{ width: 320 }} /> : null}
      <Typography.Text type="secondary">{t('boot.hint')}</Typography.Text>
    </div>
  );
}
