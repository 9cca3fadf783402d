/** Signed in without a staff row: nothing else is shown; one request to join, its state, sign-out. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthPort, Whoami } from '../../state/capabilities';
import { failureText } from './messages';
import './strings';

interface Props {
  auth: AuthPort;
  who: Whoami;
  onCheckAgain(): void;
  onSignedOut(): void;
}

/** Dropdowns open inside the card: the sign-in overlay sits above antd's popup layer. */
const inCard = (trigger: HTMLElement) => trigger.parentElement ?? document.body;

export function AwaitingApproval({ auth, who, onCheckAgain, onSignedOut }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [areas, setAreas] = useState<Awaited<ReturnType<AuthPort['areaChoices']>>>([]);
  const [form] = Form.useForm<{ name: string; district?: string; street?: string; note?: string }>();
  const district = Form.useWatch('district', form);
  useEffect(() => {
    if (!who.request) auth.areaChoices().then(setAreas, () => setAreas([]));
  }, [auth, who.request]);
  const submit = async (values: { name: string; district?: string; street?: string; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await auth.requestAccess({
        name: values.name.trim(), email: who.email, districtId: values.district?.trim() || null, streetId: values.street?.trim() || null,
        note: values.note?.trim() ?? '',
      });
      onCheckAgain();
    } catch (e) {
      setError(failureText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    await auth.signOut().catch(() => {});
    onSignedOut();
  };
  return (
    <Card style={{ width: 420, maxWidth: '92vw' }} title={t('auth.awaitingTitle')} data-testid="awaiting-approval">
      <Typography.Paragraph>{t('auth.awaitingBody', { email: who.email })}</Typography.Paragraph>
      {who.request ? (
        <Alert type={who.request.status === 'rejected' ? 'error' : 'info'} showIcon
          message={t(who.request.status === 'rejected' ? 'auth.rejected' : 'auth.pending')} style={{ marginBottom: 12 }} />
      ) : (
        <Form name="request" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Typography.Title level={5}>{t('auth.requestTitle')}</Typography.Title>
          <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, message: t('auth.required') }]}><Input /></Form.Item>
          <Form.Item name="district" label={t('auth.district')}>
            <Select showSearch allowClear optionFilterProp="label" getPopupContainer={inCard} data-testid="request-district" onChange={() => form.setFieldValue('street', undefined)}
              options={areas.filter((a) => a.level === 'district').map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item name="street" label={t('auth.street')}>
            <Select showSearch allowClear optionFilterProp="label" getPopupContainer={inCard} data-testid="request-street" disabled={!district}
              options={areas.filter((a) => a.level === 'street' && a.parentId === district).map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item name="note" label={t('auth.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} block>{t('auth.submit')}</Button>
        </Form>
      )}
      <Space style={{ marginTop: 12 }}>
        <Button onClick={onCheckAgain}>{t('auth.refresh')}</Button>
        <Button onClick={signOut}>{t('auth.signOut')}</Button>
      </Space>
    </Card>
  );
}
