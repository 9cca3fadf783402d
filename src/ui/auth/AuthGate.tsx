/**
 * In front of a shared store: signed out → the sign-in forms; signed in without a staff row → awaiting
 * approval (and nothing else); a staff member → `onReady`. A kept session is restored on reload.
 */
import { useCallback, useEffect, useState } from 'react';
import { Spin } from 'antd';
import type { AuthPort, Whoami } from '../../state/capabilities';
import { AwaitingApproval } from './AwaitingApproval';
import { SignInScreen } from './SignInScreen';
import { failureText } from './messages';
import { useTranslation } from 'react-i18next';

interface Props {
  auth: AuthPort;
  notice?: string | null;
  onReady(who: Whoami): void;
}

export function AuthGate({ auth, notice, onReady }: Props) {
  const { t } = useTranslation();
  const [who, setWho] = useState<Whoami | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const check = useCallback(() => {
    setError(null);
    auth.current().then(
      (current) => {
        if (current?.staff) onReady(current);
        else setWho(current);
      },
      (e: unknown) => {
        setError(failureText(t, e));
        setWho(null);
      },
    );
  }, [auth, onReady, t]);
  useEffect(check, [check]);
  const centre = { display: 'grid', placeItems: 'center', minHeight: '100vh', background: 'var(--lj-auth-bg, #f0f2f5)' } as const;
  if (who === undefined) return <div style={centre}><Spin /></div>;
  return (
    <div style={centre}>
      {who ? <AwaitingApproval auth={auth} who={who} onCheckAgain={check} onSignedOut={() => setWho(null)} />
        : <SignInScreen auth={auth} notice={error ?? notice} onSignedIn={check} />}
    </div>
  );
}
