/** An enterprise's edits from the audit log: when, who, which fields changed from what to what. Text only. */
import { useEffect, useState } from 'react';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import type { AuditEntry } from '../core/model/records';

const SKIPPED = new Set(['version', 'updated_at', 'updated_by', 'geom']);

function changes(entry: AuditEntry): string[] {
  if (entry.action !== 'update' || !entry.oldRow || !entry.newRow) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(entry.newRow)) {
    if (SKIPPED.has(key)) continue;
    const before = entry.oldRow[key];
    if (JSON.stringify(before) !== JSON.stringify(value)) out.push(`${key}: ${before ?? '—'} → ${value ?? '—'}`);
  }
  return out;
}

export function EnterpriseHistory({ enterpriseId, version }: { enterpriseId: string; version: number | undefined }) {
  const { t, i18n } = useTranslation();
  const repository = useAppStore((s) => s.repository);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    setEntries(null);
    repository?.enterpriseHistory(enterpriseId).then((h) => live && setEntries(h), () => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [repository, enterpriseId, version]);
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
            title={`${new Date(entry.at).toLocaleString(i18n.language)} · ${t(`history.${entry.action}`)} · ${t('history.by')} ${entry.userId?.slice(0, 8) ?? t('history.system')}`}
            description={changes(entry).map((c) => <div key={c}>{c}</div>)}
          />
        </List.Item>
      )}
    />
  );
}
