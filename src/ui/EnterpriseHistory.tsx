/** An enterprise's edits from the audit log: when, who, which fields changed from what to what. Text only. */
import { useEffect, useState } from 'react';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { enterpriseHistory } from '../state/enterprise-actions';
import type { AuditEntry } from '../core/model/records';
import { historyChanges, localTime, staffName } from './history-lines';
import { areaNameOf } from './names';
import { learnStaffNames, useWorkspaceStore } from '../state/capabilities';

export function EnterpriseHistory({ enterpriseId, version }: { enterpriseId: string; version: number | undefined }) {
  const { t, i18n } = useTranslation();
  const canWrite = useAppStore((s) => s.canWrite);
  const view = useAppStore((s) => s.view);
  const areaName = (code: string) => (view ? areaNameOf(view, code) : code);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const names = useWorkspaceStore((s) => s.names);
  useEffect(() => {
    let live = true;
    setEntries(null);
    if (!canWrite) return;
    enterpriseHistory(enterpriseId).then((h) => {
      if (!live) return;
      setEntries(h);
      void learnStaffNames(h.map((e) => e.userId)).catch(() => undefined);
    }, () => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [canWrite, enterpriseId, version]);
  return (
    <List
      size="small"
      data-testid="enterprise-history"
      header={<Typography.Text strong>{t('history.title')}</Typography.Text>}
      loading={entries === null}
      locale={{ emptyText: t('history.empty') }}
      dataSource={[...(entries ?? [])].reverse()}
      renderItem={(entry) => (
        <List.Item data-testid="history-entry">
          <List.Item.Meta
            title={<span data-testid="history-title">{`${localTime(entry.at, i18n.language)} · ${t(`history.${entry.action}`)} · ${t('history.by')} ${staffName(t, entry.userId, names)}`}</span>}
            description={historyChanges(t, entry, areaName).map((c) => (
              <div key={c.field} data-testid="history-change">{t('history.change', { field: c.label, before: c.before, after: c.after })}</div>
            ))}
          />
        </List.Item>
      )}
    />
  );
}
