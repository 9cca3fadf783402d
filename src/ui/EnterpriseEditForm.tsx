/**
 * Edits an enterprise's six-clears fields (state/enterprise-actions.ts), at the version it was read; a stale
 * edit is refused, never overwritten. Credit codes must pass the GB 32100 check; counts are whole and ≥ 0.
 */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../core/model/types';
import { checkCharacter, checkCreditCode } from '../core/io/credit-code';
import { StaleWriteError } from '../state/errors';
import type { EnterprisePatch } from '../core/model/records';
import { useAppStore } from '../state/store';
import { updateEnterprise } from '../state/enterprise-actions';
import { statusLabel } from './names';
import { CampaignEditFields, campaignInitialValues, campaignPatch, withoutCampaignValues, type CampaignFormValues } from './campaign/CampaignEditFields';

type Editable = Pick<Enterprise, 'name' | 'creditCode' | 'address' | 'industry' | 'status' | 'employees' | 'partyMembers' | 'probationaryMembers' | 'registeredCapital' | 'ownerIsMember' | 'workCovered'> & CampaignFormValues;

const STATUSES = ['在营', '正常', '开业', '停业', '歇业', '注销', '吊销', '迁出'];

export function EnterpriseEditForm({ enterprise, onDone }: { enterprise: Enterprise & { version?: number }; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Editable>();
  // The version the form was opened on: if someone else saves meanwhile (it arrives through the feed),
  // this edit was made on older values and must be refused, not silently applied on top.
  const [openedVersion] = useState(enterprise.version);
  const save = async (values: Editable) => {
    if (!useAppStore.getState().canWrite || openedVersion === undefined) return;
    setSaving(true);
    try {
      const patch: EnterprisePatch = { ...withoutCampaignValues(values), creditCode: values.creditCode.trim().toUpperCase(), ...campaignPatch(values) };
      await updateEnterprise(enterprise.id, patch, openedVersion);
      message.success(t('detail.saved'));
      onDone();
    } catch (error) {
      // A stale edit: the others' changes have been brought in (the action pulls them before it throws).
      message.error(error instanceof StaleWriteError ? t('detail.stale') : t('detail.saveFailed', { message: (error as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  const creditCodeRule = {
    validator: (_: unknown, value: string | undefined) => {
      const code = (value ?? '').trim().toUpperCase();
      if (code === '') return Promise.resolve();
      const check = checkCreditCode(code);
      if (check === 'format') return Promise.reject(new Error(t('validation.creditCodeFormat')));
      if (check === 'check_digit') return Promise.reject(new Error(t('validation.creditCode', { expected: checkCharacter(code.slice(0, 17)) })));
      return Promise.resolve();
    },
  };
  const nonNegative = { type: 'number' as const, min: 0, message: t('validation.nonNegative') };
  // A count is a whole number: 2.5 is refused with a message (as the import does), never rounded to 3.
  const wholeNumber = {
    validator: (_: unknown, value: number | null | undefined) =>
      value === null || value === undefined || Number.isInteger(value) ? Promise.resolve() : Promise.reject(new Error(t('validation.wholeNumber'))),
  };
  const count = { style: { width: '100%' } } as const;
  return (
    <Form form={form} layout="horizontal" size="small" labelCol={{ span: 9 }} initialValues={{ ...enterprise, ...campaignInitialValues(enterprise) }} onFinish={(v) => void save(v)} data-testid="edit-form">
      <Form.Item name="name" label={t('detail.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}><Input /></Form.Item>
      <Form.Item name="creditCode" label={t('detail.creditCode')} rules={[creditCodeRule]}><Input maxLength={18} data-testid="edit-credit-code" /></Form.Item>
      <Form.Item name="address" label={t('detail.address')}><Input /></Form.Item>
      <Form.Item name="industry" label={t('detail.industry')}><Input /></Form.Item>
      <Form.Item name="status" label={t('detail.status')}><Select options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} /></Form.Item>
      <Form.Item name="employees" label={t('detail.employees')} rules={[nonNegative, wholeNumber]}><InputNumber {...count} data-testid="edit-employees" /></Form.Item>
      <Form.Item name="partyMembers" label={t('detail.partyMembers')} rules={[nonNegative, wholeNumber]}><InputNumber {...count} data-testid="edit-party-members" /></Form.Item>
      <Form.Item name="probationaryMembers" label={t('detail.probationaryMembers')} rules={[nonNegative, wholeNumber]}><InputNumber {...count} /></Form.Item>
      <Form.Item name="registeredCapital" label={t('detail.registeredCapital')} rules={[nonNegative]}><InputNumber style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="ownerIsMember" label={t('detail.ownerIsMember')}>
        <Select allowClear options={[{ value: true, label: t('detail.yes') }, { value: false, label: t('detail.no') }]} />
      </Form.Item>
      <Form.Item name="workCovered" label={t('detail.workCovered')} valuePropName="checked"><Switch /></Form.Item>
      <CampaignEditFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="edit-save">{t('detail.save')}</Button>
        <Button onClick={onDone}>{t('detail.cancel')}</Button>
      </Space>
    </Form>
  );
}
