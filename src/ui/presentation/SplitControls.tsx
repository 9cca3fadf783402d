/**
 * 两图对比 in the workspace: on / off and what each side shows; saved with a slide when on. The swipe
 * mode (SplitView's 'swipe') is not offered yet: in the browser test its right-hand map drew the
 * enterprises in the left side's colours, while side by side draws them right.
 */
import { Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIDE_KINDS, usePresentationStore, type SideKind } from '../../state/presentation';

export function SplitControls() {
  const { t } = useTranslation();
  const split = usePresentationStore((s) => s.split);
  const setSplit = usePresentationStore((s) => s.setSplit);
  const options = SIDE_KINDS.map((k) => ({ value: k, label: t(`meeting.sides.${k}`) }));
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="split-controls">
      <Space size={4}>
        <Switch size="small" checked={split.on} onChange={(on) => setSplit({ on })} data-testid="split-toggle" />
        <Typography.Text>{t('meeting.split.toggle')}</Typography.Text>
      </Space>
      {split.on ? (
        <Space size={4} wrap>
          <Select size="small" value={split.left} onChange={(v: SideKind) => setSplit({ left: v })} options={options} style={{ width: 130 }} aria-label={t('meeting.split.left')} data-testid="split-left" />
          <span>|</span>
          <Select size="small" value={split.right} onChange={(v: SideKind) => setSplit({ right: v })} options={options} style={{ width: 130 }} aria-label={t('meeting.split.right')} data-testid="split-right" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('meeting.split.hint')}</Typography.Text>
        </Space>
      ) : null}
    </Space>
  );
}
