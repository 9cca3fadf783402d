/**
 * 工作人员与审批: sign-up requests, staff and the audit, for city admins (everyone) and district admins
 * (their district's street staff). Every action is an RPC the database checks (set_staff, revoke_staff,
 * reject_staff_request); people are shown by name and areas by name.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Badge, Button, Drawer, Popconfirm, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffAssignment, StaffAuditEntry, StaffEntry } from '../../state/capabilities';
import { useCapabilities, useWorkspaceStore } from '../../state/capabilities';
import { assignStaff, listStaff, rejectStaffRequest, revokeStaff, staffAudit } from '../../state/staff-actions';
import { localTime } from '../history-lines';
import { AssignStaffDialog } from './AssignStaffDialog';
import { useAreas } from './area-names';
import { areaText, auditText, roleText } from './staff-lines';

export function StaffPanelButton() {
  const { t } = useTranslation();
  const capabilities = useCapabilities();
  const [open, setOpen] = useState(false);
  if (!capabilities.manageStaff) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="staff-button">{t('staff.button')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('staff.title')} size="large" destroyOnHidden>
        {open ? <StaffPanel /> : null}
      </Drawer>
    </>
  );
}

function StaffPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const capabilities = useCapabilities();
  // Signed in to a shared store (the embedded store has no staff).
  const signedIn = useWorkspaceStore((s) => s.who !== null);
  const me = useWorkspaceStore((s) => s.who?.userId);
  const { areaName, areas } = useAreas();
  const [entries, setEntries] = useState<StaffEntry[] | null>(null);
  const [audit, setAudit] = useState<StaffAuditEntry[] | null>(null);
  const [editing, setEditing] = useState<{ entry: StaffEntry; mode: 'approve' | 'change' } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    if (!signedIn) return;
    listStaff().then(setEntries, (e: Error) => message.error(t('staff.failed', { message: e.message })));
    staffAudit().then(setAudit, (e: Error) => message.error(t('staff.failed', { message: e.message })));
  }, [signedIn, message, t]);
  useEffect(load, [load]);
  const requests = useMemo(() => (entries ?? []).filter((e) => !e.role && e.request?.status === 'pending'), [entries]);
  const staff = useMemo(() => (entries ?? []).filter((e) => e.role), [entries]);
  const nameOf = useMemo(() => new Map((entries ?? []).map((e) => [e.userId, e.name || e.email])), [entries]);
  if (!signedIn) return null;
  const cityAdmin = capabilities.role === 'city';
  /** Why the caller may not change this row (mirrors set_staff's checks), or null. */
  const blocked = (e: StaffEntry): string | null => {
    if (e.userId === me) return t('staff.self');
    if (!cityAdmin && e.role && (e.role !== 'street' || e.districtId !== capabilities.districtId)) return t('staff.outOfReach');
    return null;
  };
  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      setEditing(null);
      load();
    } catch (e) {
      message.error(t('staff.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const save = (assignment: StaffAssignment) => {
    if (!editing) return;
    const { entry, mode } = editing;
    const name = assignment.name || entry.name || entry.email;
    void act(() => assignStaff(entry.userId, assignment), t(mode === 'approve' ? 'staff.done.approved' : 'staff.done.changed', { name }));
  };
  const when = (at: string | null | undefined) => (at ? localTime(at, i18n.language) : '');
  const guarded = (e: StaffEntry, node: React.ReactNode) => {
    const reason = blocked(e);
    return reason ? <Tooltip title={reason}><span>{node}</span></Tooltip> : node;
  };
  return (
    <div data-testid="staff-panel">
      <Tabs
        items={[
          {
            key: 'requests',
            label: <Badge count={requests.length} size="small" offset={[8, 0]}><span data-testid="staff-tab-requests">{t('staff.tabs.requests', { count: requests.length })}</span></Badge>,
            children: (
              <Table<StaffEntry> size="small" rowKey="userId" loading={entries === null} dataSource={requests} pagination={false}
                locale={{ emptyText: t('staff.empty.requests') }} data-testid="staff-requests"
                columns={[
                  { title: t('staff.columns.name'), dataIndex: 'name', render: (_, e) => <span data-testid="request-name">{e.name || e.email}</span> },
                  { title: t('staff.columns.email'), dataIndex: 'email' },
                  { title: t('staff.columns.requested'), key: 'area', render: (_, e) => areaText(t, areaName, e.request?.streetId ? 'street' : 'district', e.request?.districtId, e.request?.streetId) },
                  { title: t('staff.columns.note'), key: 'note', render: (_, e) => e.request?.note },
                  { title: t('staff.columns.at'), key: 'at', render: (_, e) => when(e.request?.at) },
                  {
                    title: t('staff.columns.actions'), key: 'actions', render: (_, e) => (
                      <Space size={4}>
                        <Button size="small" type="primary" onClick={() => setEditing({ entry: e, mode: 'approve' })} data-testid="approve">{t('staff.approve')}</Button>
                        <Popconfirm title={t('staff.rejectConfirm', { name: e.name || e.email })} onConfirm={() => act(() => rejectStaffRequest(e.userId), t('staff.done.rejected', { name: e.name || e.email }))}>
                          <Button size="small" danger>{t('staff.reject')}</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'staff',
            label: <span data-testid="staff-tab-staff">{t('staff.tabs.staff', { count: staff.length })}</span>,
            children: (
              <Table<StaffEntry> size="small" rowKey="userId" loading={entries === null} dataSource={staff} pagination={staff.length > 20 ? { pageSize: 20 } : false}
                locale={{ emptyText: t('staff.empty.staff') }} data-testid="staff-list"
                columns={[
                  { title: t('staff.columns.name'), dataIndex: 'name', render: (_, e) => <span data-testid="staff-name">{e.name || e.email}</span> },
                  { title: t('staff.columns.role'), key: 'role', render: (_, e) => roleText(t, e.role, e.isAdmin) },
                  { title: t('staff.columns.area'), key: 'area', render: (_, e) => <span data-testid="staff-area">{areaText(t, areaName, e.role, e.districtId, e.streetId)}</span> },
                  { title: t('staff.columns.approvedBy'), key: 'by', render: (_, e) => (e.approvedBy ? nameOf.get(e.approvedBy) ?? '' : '') },
                  { title: t('staff.columns.approvedAt'), key: 'at', render: (_, e) => when(e.approvedAt) },
                  {
                    title: t('staff.columns.actions'), key: 'actions', render: (_, e) => (
                      <Space size={4}>
                        {guarded(e, <Button size="small" disabled={!!blocked(e)} onClick={() => setEditing({ entry: e, mode: 'change' })}>{t('staff.change')}</Button>)}
                        {guarded(e, (
                          <Popconfirm title={t('staff.revokeConfirm', { name: e.name || e.email })} disabled={!!blocked(e)}
                            onConfirm={() => act(() => revokeStaff(e.userId), t('staff.done.revoked', { name: e.name || e.email }))}>
                            <Button size="small" danger disabled={!!blocked(e)}>{t('staff.revoke')}</Button>
                          </Popconfirm>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'audit',
            label: <span data-testid="staff-tab-audit">{t('staff.tabs.audit')}</span>,
            children: (
              <Table<StaffAuditEntry> size="small" rowKey="id" loading={audit === null} dataSource={audit ?? []} pagination={(audit?.length ?? 0) > 20 ? { pageSize: 20 } : false}
                locale={{ emptyText: t('staff.empty.audit') }} data-testid="staff-audit"
                columns={[
                  { title: t('staff.columns.at'), dataIndex: 'at', render: (at: string) => when(at), width: 140 },
                  { title: t('staff.columns.actor'), dataIndex: 'actorName', render: (n: string, a) => n || (a.actorId ? a.actorId.slice(0, 8) : t('history.system')) },
                  { title: t('staff.columns.target'), dataIndex: 'targetName' },
                  { title: t('staff.columns.change'), key: 'change', render: (_, a) => <span data-testid="audit-change">{auditText(t, areaName, a)}</span> },
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('staff.form.adminHint')}</Typography.Text>
      <AssignStaffDialog entry={editing?.entry ?? null} mode={editing?.mode ?? 'approve'} capabilities={capabilities} areas={areas} busy={busy}
        onCancel={() => setEditing(null)} onSave={save} />
    </div>
  );
}
