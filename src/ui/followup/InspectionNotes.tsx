/** 督查记录: record an inspection note against an area or a plan item; the notes, newest first, with their follow-up light. */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, List, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { recordInspectionNote, resolveInspectionNote, useFollowUpStore } from '../../state/followup';
import { statusLight, todayInChina } from '../../core/followup/status-light';
import { StatusLightTag } from './StatusLightTag';
import { usePlanWrite } from '../planning/use-plan-write';

interface NoteForm { target?: string; date: Dayjs; inspector?: string; finding?: string; due?: Dayjs | null }

export function InspectionNotes() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  const items = usePlanningStore((s) => s.planItems);
  const notes = useFollowUpStore((s) => s.notes);
  const [form] = Form.useForm<NoteForm>();
  const [busy, setBusy] = useState(false);
  const [, run] = usePlanWrite();
  const today = todayInChina();
  const targets = useMemo(() => [
    { label: t('followup.note.targetArea'), options: (view?.areaList ?? []).map((a) => ({ value: `area:${a.id}`, label: a.name })) },
    { label: t('followup.note.targetItem'), options: items.map((i) => ({ value: `item:${i.id}`, label: i.title || i.id })) },
  ], [view, items, t]);
  const targetName = (areaId: string | null, itemId: string | null) =>
    areaId ? view?.areaList.find((a) => a.id === areaId)?.name ?? areaId : items.find((i) => i.id === itemId)?.title ?? '';
  const sorted = useMemo(() => [...notes].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.updatedAt.localeCompare(a.updatedAt)), [notes]);

  const save = async (values: NoteForm) => {
    const [kind, id] = (values.target ?? '').split(/:(.*)/s);
    setBusy(true);
    try {
      await recordInspectionNote({
        areaId: kind === 'area' ? id : null, planItemId: kind === 'item' ? id : null, inspectedOn: values.date.format('YYYY-MM-DD'),
        inspector: (values.inspector ?? '').trim(), finding: (values.finding ?? '').trim(), followUpDue: values.due ? values.due.format('YYYY-MM-DD') : null,
      });
      message.success(t('followup.note.saved'));
      form.resetFields(['finding', 'due']);
    } catch (error) {
      message.error(t('plan.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="inspection-notes">
      <Typography.Text strong>{t('followup.note.title')}</Typography.Text>
      <Form form={form} size="small" layout="vertical" initialValues={{ date: dayjs(todayInChina()) }} onFinish={(v) => void save(v)} data-testid="note-form">
        <Form.Item name="target" label={t('followup.note.target')} rules={[{ required: true, message: t('followup.note.needTarget') }]}>
          <Select showSearch optionFilterProp="label" options={targets} data-testid="note-target" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="date" label={t('followup.note.date')} rules={[{ required: true }]}><DatePicker allowClear={false} data-testid="note-date" /></Form.Item>
          <Form.Item name="inspector" label={t('followup.note.inspector')} rules={[{ required: true, whitespace: true, message: t('followup.note.needInspector') }]}>
            <Input maxLength={40} data-testid="note-inspector" />
          </Form.Item>
          <Form.Item name="due" label={t('followup.note.followUpDue')}><DatePicker data-testid="note-due" /></Form.Item>
        </Space>
        <Form.Item name="finding" label={t('followup.note.finding')} rules={[{ required: true, whitespace: true, message: t('followup.note.needFinding') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="note-finding" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="note-save">{t('followup.note.save')}</Button>
      </Form>
      <List
        size="small"
        header={<Typography.Text strong>{t('followup.note.list', { count: notes.length })}</Typography.Text>}
        locale={{ emptyText: t('followup.note.none') }}
        dataSource={sorted}
        pagination={sorted.length > 8 ? { pageSize: 8, size: 'small' } : false}
        renderItem={(n) => (
          <List.Item data-testid="inspection-note">
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong>{n.inspectedOn}</Typography.Text>
                <Typography.Text data-testid="note-about">{targetName(n.areaId, n.planItemId)}</Typography.Text>
                <Typography.Text type="secondary">{n.inspector}</Typography.Text>
                {n.followUpDue ? <StatusLightTag light={statusLight(n.followUpDue, n.resolved, today)} suffix={n.followUpDue} /> : null}
              </Space>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="note-finding-text">{n.finding}</Typography.Paragraph>
              <Space size={4}>
                <Switch size="small" checked={n.resolved} onChange={(on) => void run(() => resolveInspectionNote(n, on))} data-testid="note-resolved" />
                <Typography.Text type="secondary">{t('followup.note.resolved')}</Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
