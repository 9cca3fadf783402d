/** Who is signed in and their scope, with sign-out; shown over the app while a shared store is open. */
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../data/auth';
import { scopeText } from './messages';
import './strings';

export function SignedInBadge({ staff, email, onSignOut }: { staff: StaffMember; email: string; onSignOut(): void }) {
  const { t } = useTranslation();
  return (
    <div style={{ position: 'fixed', left: 12, bottom: 12, zIndex: 1000, display: 'flex', gap: 6, alignItems: 'center' }} data-testid="signed-in">
      <Tooltip title={email}><Tag color="blue">{staff.name || email} · {scopeText(t, staff)}</Tag></Tooltip>
      <Button size="small" onClick={onSignOut}>{t('auth.signOut')}</Button>
    </div>
  );
}
