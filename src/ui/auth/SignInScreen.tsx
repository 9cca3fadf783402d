/** Email + password (sign in or sign up), email one-time code and, where the project has a phone provider, SMS code; supabase-js Auth behind the port. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthPort } from '../../state/capabilities';
import { failureText } from './messages';
import './strings';

interface Props {
  auth: AuthPort;
  notice?: string | null;
  onSignedIn(): void;
}

function PasswordForm({ auth, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signIn') await auth.signInWithPassword(values.email.trim(), values.password);
      else await auth.signUp(values.email.trim(), values.password);
      onSignedIn();
    } catch (e) {
      setError(failureText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form name="password" layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-form">
      <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email', message: t('auth.required') }]}>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, min: 6, message: t('auth.required') }]}>
        <Input.Password autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'} />
      </Form.Item>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block loading={busy}>{t(mode === 'signIn' ? 'auth.signIn' : 'auth.signUp')}</Button>
        <Button type="link" block onClick={() => setMode(mode === 'signIn' ? 'signUp' : 'signIn')}>
          {t(mode === 'signIn' ? 'auth.toSignUp' : 'auth.toSignIn')}
        </Button>
      </Space>
    </Form>
  );
}

function CodeForm({ auth, onSignedIn, channel }: Props & { channel: 'email' | 'phone' }) {
  const { t } = useTranslation();
  const phone = channel === 'phone';
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ email: string; code: string }>();
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(failureText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const send = () => run(async () => {
    const { email } = await form.validateFields(['email']);
    if (phone) await auth.sendPhoneCode(email.trim());
    else await auth.sendEmailCode(email.trim());
    setSentTo(email.trim());
  });
  const verify = () => run(async () => {
    const { code } = await form.validateFields(['code']);
    if (phone) await auth.verifyPhoneCode(sentTo!, code.trim());
    else await auth.verifyEmailCode(sentTo!, code.trim());
    onSignedIn();
  });
  return (
    <Form name={phone ? 'phone-code' : 'code'} form={form} layout="vertical" requiredMark={false} data-testid={phone ? 'phone-form' : 'code-form'}>
      <Form.Item name="email" label={t(phone ? 'auth.phone' : 'auth.email')}
        rules={[phone ? { required: true, pattern: /^\+?\d{6,15}$/, message: t('auth.phoneFormat') } : { required: true, type: 'email', message: t('auth.required') }]}>
        <Input autoComplete={phone ? 'tel' : 'email'} inputMode={phone ? 'tel' : 'email'} disabled={sentTo !== null} />
      </Form.Item>
      {sentTo ? (
        <>
          <Typography.Paragraph type="secondary">{t('auth.codeSent', { email: sentTo })}</Typography.Paragraph>
          <Form.Item name="code" label={t('auth.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.required') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        </>
      ) : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {sentTo ? (
          <>
            <Button type="primary" block loading={busy} onClick={verify}>{t('auth.verify')}</Button>
            <Button type="link" block disabled={busy} onClick={() => { setSentTo(null); form.resetFields(['code']); }}>{t('auth.resendCode')}</Button>
          </>
        ) : (
          <Button type="primary" block loading={busy} onClick={send}>{t('auth.sendCode')}</Button>
        )}
      </Space>
    </Form>
  );
}

export function SignInScreen(props: Props) {
  const { t } = useTranslation();
  return (
    <Card style={{ width: 380, maxWidth: '92vw' }} title={t('auth.title')}>
      <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
      {props.notice ? <Alert type="warning" showIcon message={props.notice} style={{ marginBottom: 12 }} /> : null}
      <Tabs
        items={[
          { key: 'password', label: t('auth.passwordTab'), children: <PasswordForm {...props} /> },
          { key: 'code', label: t('auth.codeTab'), children: <CodeForm {...props} channel="email" /> },
          ...(props.auth.phoneEnabled ? [{ key: 'phone', label: t('auth.phoneTab'), children: <CodeForm {...props} channel="phone" /> }] : []),
        ]}
      />
    </Card>
  );
}
