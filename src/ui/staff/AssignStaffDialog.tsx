/** Approve a sign-up or change a staff member: role, district, street (by name), admin flag. District admins: street staff of their district only. */
import { useEffect } from 'react';
import { Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffAssignment, StaffEntry, StaffRole } from '../../state/capabilities';
import type { Capabilities } from '../../state/capabilities';
import type { AreaOption } from './area-names';

interface Props {
  entry: StaffEntry | null;
  mode: 'approve' | 'change';
  capabilities: Capabilities;
  areas: AreaOption[];
  busy: boolean;
  onCancel(): void;
  onSave(assignment: StaffAssignment): void;
}

interface Values {
  role: StaffRole;
  districtId?: string | null;
  streetId?: string | null;
  isAdmin?: boolean;
  name?: string;
}

export function AssignStaffDialog({ entry, mode, capabilities, areas, busy, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const districtId = Form.useWatch('districtId', form);
  const cityAdmin = capabilities.role === 'city';
  useEffect(() => {
    if (!entry) return;
    const requested = entry.request;
    const district = entry.districtId ?? requested?.districtId ?? (cityAdmin ? null : capabilities.districtId);
    const street = entry.streetId ?? requested?.streetId ?? null;
    const guessed: StaffRole = entry.role ?? (street ? 'street' : district ? 'district' : 'city');
    form.setFieldsValue({
      role: cityAdmin ? guessed : 'street',
      districtId: cityAdmin ? district : capabilities.districtId,
      streetId: street,
      isAdmin: entry.isAdmin,
      name: entry.name,
    });
  }, [entry, form, cityAdmin, capabilities.districtId]);
  const districts = areas.filter((a) => a.level === 'district');
  const streets = areas.filter((a) => a.level === 'street' && a.parent === districtId);
  const roles: StaffRole[] = cityAdmin ? ['city', 'district', 'street'] : ['street'];
  const submit = (v: Values) => onSave({
    role: v.role,
    districtId: v.role === 'city' ? null : v.districtId ?? null,
    streetId: v.role === 'street' ? v.streetId ?? null : null,
    isAdmin: v.role !== 'street' && cityAdmin ? !!v.isAdmin : false,
    name: v.name?.trim() || null,
  });
  const title = entry ? t(mode === 'approve' ? 'staff.form.titleApprove' : 'staff.form.titleChange', { name: entry.name || entry.email }) : '';
  return (
    <Modal open={entry !== null} title={title} onCancel={onCancel} onOk={() => form.submit()} okText={t('staff.form.save')}
      cancelText={t('staff.form.cancel')} confirmLoading={busy} destroyOnHidden data-testid="assign-staff">
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="assign-staff">
        <Form.Item name="name" label={t('staff.form.name')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="role" label={t('staff.form.role')} rules={[{ required: true, message: t('staff.form.required') }]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))} disabled={!cityAdmin} />
        </Form.Item>
        {role && role !== 'city' ? (
          <Form.Item name="districtId" label={t('staff.form.district')} rules={[{ required: true, message: t('staff.form.required') }]}>
            <Select showSearch optionFilterProp="label" disabled={!cityAdmin} options={districts.map((d) => ({ value: d.id, label: d.name }))}
              onChange={() => form.setFieldValue('streetId', null)} />
          </Form.Item>
        ) : null}
        {role === 'street' ? (
          <Form.Item name="streetId" label={t('staff.form.street')} rules={[{ required: true, message: t('staff.form.required') }]}>
            <Select showSearch optionFilterProp="label" options={streets.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
        {cityAdmin && role && role !== 'street' ? (
          <Form.Item name="isAdmin" label={t('staff.form.admin')} valuePropName="checked"><Switch /></Form.Item>
        ) : null}
        <Typography.Text type="secondary">{t('staff.form.adminHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
