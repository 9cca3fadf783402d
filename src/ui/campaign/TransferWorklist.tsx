/** 转接清单: the enterprises of the scope (area filter) whose members still hold their relationship elsewhere, per district and street. */
import { useMemo } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { useFilterMask } from '../../state/figures';
import { unlockedByTransfers } from '../../state/filter';
import { pendingTransfers } from '../../core/campaign/members';
import { isOperating } from '../../core/model/scope';
import type { Enterprise } from '../../core/model/types';
import { TransferAction } from './TransferAction';
import { joinNames } from '../names';

interface Row {
  index: number;
  enterprise: Enterprise & { version?: number };
  area: string;
  pending: number;
  unlocks: boolean;
}

export function TransferWorklist() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const select = useAppStore((s) => s.selectEnterprise);
  const mask = useFilterMask();
  const rows = useMemo<Row[]>(() => {
    if (!view) return [];
    const unlocked = unlockedByTransfers(view);
    const out: Row[] = [];
    view.enterprises.forEach((e, i) => {
      if (mask && !mask[i]) return;
      const pending = pendingTransfers(e);
      if (pending === 0 || !isOperating(e.status)) return;
      const area = [view.district[i] >= 0 ? view.areaList[view.district[i]].name : '', view.street[i] >= 0 ? view.areaList[view.street[i]].name : ''].filter(Boolean).join(' · ');
      out.push({ index: i, enterprise: e, area, pending, unlocks: unlocked.has(e.id) });
    });
    return out.sort((a, b) => a.area.localeCompare(b.area, 'zh-CN') || Number(b.unlocks) - Number(a.unlocks) || b.pending - a.pending || a.enterprise.id.localeCompare(b.enterprise.id));
  }, [view, mask]);
  if (!view) return null;
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="transfer-worklist">
      <Typography.Text type="secondary" className="hint">{t('campaign.worklist.hint')}</Typography.Text>
      <Typography.Text strong data-testid="transfer-total">{t('campaign.worklist.total', { enterprises: num(rows.length), pending: num(rows.reduce((n, r) => n + r.pending, 0)) })}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey={(r) => r.enterprise.id}
        dataSource={rows}
        locale={{ emptyText: t('campaign.worklist.empty') }}
        pagination={rows.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('campaign.worklist.enterprise'), key: 'name', width: 150,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <Button type="link" size="small" className="link-wrap" onClick={() => select(r.index)} data-testid="transfer-row-name">{r.enterprise.name}</Button>
                {r.unlocks ? <Tag color="green">{t('campaign.worklist.unlocks')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('campaign.worklist.area'), dataIndex: 'area', width: 110 },
          { title: t('campaign.worklist.counts'), key: 'counts', width: 70, render: (_: unknown, r) => <span data-testid="transfer-row-counts">{`${r.enterprise.membersElsewhere ?? 0} / ${r.enterprise.membersTransferred ?? 0}`}</span> },
          { title: t('campaign.worklist.at'), key: 'at', width: 100, render: (_: unknown, r) => joinNames((r.enterprise.membersElsewhereAt ?? '').split(';').filter(Boolean)) || '—' },
          { title: t('campaign.worklist.status'), key: 'status', width: 70, render: (_: unknown, r) => (r.enterprise.transferStatus ? t(`campaign.transferStatus.${r.enterprise.transferStatus}`) : '—') },
          { title: t('campaign.worklist.date'), key: 'date', width: 84, render: (_: unknown, r) => r.enterprise.transferOn ?? '—' },
          { title: t('campaign.worklist.action'), key: 'action', width: 96, render: (_: unknown, r) => <TransferAction enterprise={r.enterprise} /> },
        ]}
      />
    </Space>
  );
}
