/** Edits an enterprise's counts through the repository, at the version it was read; a stale edit is refused, never overwritten. */
import { useState } from 'react';
import { App as AntApp, Button, Form, InputNumber, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../core/model/types';
import { StaleWriteError, type EnterprisePatch } from '../data/repository';
import { useAppStore } from '../state/store';

type Editable = Pick<Enterprise, 'employees' | 'partyMembers' | 'probationaryMembers' | 'registeredCapital' | 'workCovered'>;

export function EnterpriseEditForm({ enterprise, onDone }: { enterprise: Enterprise & { version?: number }; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Editable>();
  const save = async (values: Editable) => {
    const { repository, refresh } = useAppStore.getState();
    if (!repository || enterprise.version === undefined) return;
    setSaving(true);
    try {
      const patch: EnterprisePatch = { ...values };
      await repository.updateEnterprise(enterprise.id, patch, enterprise.version);
      message.success(t('detail.saved'));
      onDone();
      await refresh?.();
    } catch (error) {
      message.error(error instanceof StaleWriteError ? t('detail.stale') : t('detail.saveFailed', { message: (error as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  const count = { min: 0, precision: 0, style: { width: '100%' } } as const;
  return (
    <Form form={form} layout="horizontal" size="small" labelCol={{ span: 10 }} initialValues={enterprise} onFinish={(v) => void save(v)} data-testid="edit-form">
      <Form.Item name="employees" label={t('detail.employees')}><InputNumber {...count} data-testid="edit-employees" /></Form.Item>
      <Form.Item name="partyMembers" label={t('detail.partyMembers')}><InputNumber {...count} /></Form.Item>
      <Form.Item name="probationaryMembers" label={t('detail.probationaryMembers')}><InputNumber {...count} /></Form.Item>
      <Form.Item name="registeredCapital" label={t('detail.registeredCapital')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="workCovered" label={t('detail.workCovered')} valuePropName="checked"><Switch /></Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="edit-save">{t('detail.save')}</Button>
        <Button onClick={onDone}>{t('detail.cancel')}</Button>
      </Space>
    </Form>
  );
}
