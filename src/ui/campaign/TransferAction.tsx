/** 已转接: how many of the members still elsewhere have transferred; the database adds them to the formal members. */
import { useState } from 'react';
import { App as AntApp, Button, InputNumber, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../core/model/types';
import { pendingTransfers } from '../../core/campaign/members';
import { StaleWriteError } from '../../state/errors';
import { useAppStore } from '../../state/store';
import { completeMemberTransfer } from '../../state/enterprise-actions';

export function TransferAction({ enterprise, size = 'small' }: { enterprise: Enterprise & { version?: number }; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useAppStore((s) => s.canWrite);
  const pending = pendingTransfers(enterprise);
  const [count, setCount] = useState<number | null>(pending);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (pending === 0 || enterprise.version === undefined) return null;
  const done = async () => {
    if (!useAppStore.getState().canWrite || enterprise.version === undefined) return;
    setSaving(true);
    try {
      const n = Math.min(pending, Math.max(1, count ?? pending));
      const saved = await completeMemberTransfer(enterprise.id, n, enterprise.version);
      message.success(t('campaign.detail.doneMessage', { count: n, formal: saved.partyMembers ?? 0 }));
      setOpen(false);
    } catch (error) {
      message.error(error instanceof StaleWriteError ? t('campaign.detail.stale') : t('campaign.detail.failed', { message: (error as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space>
          <span>{t('campaign.detail.members')}</span>
          <InputNumber size="small" min={1} max={pending} precision={0} value={count} onChange={setCount} data-testid="transfer-count" />
          <Button size="small" type="primary" loading={saving} onClick={() => void done()} data-testid="transfer-confirm">{t('campaign.detail.confirm')}</Button>
        </Space>
      }
    >
      <Button size={size} disabled={!canWrite} data-testid="transfer-mark" onClick={() => setCount(pending)}>{t('campaign.detail.markDone')}</Button>
    </Popover>
  );
}
