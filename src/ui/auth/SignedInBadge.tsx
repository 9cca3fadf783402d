/** Who is signed in to the shared store and their scope (name · role · area by name), with sign-out; in the header. */
import { Button, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkspaceStore } from '../../state/capabilities';
import { useAreas } from '../staff/area-names';
import { scopeLine } from '../staff/staff-lines';
import './strings';

export function SignedInBadge() {
  const { t } = useTranslation();
  const who = useWorkspaceStore((s) => s.who);
  const signOut = useWorkspaceStore((s) => s.signOut);
  const { areaName } = useAreas();
  if (!who?.staff) return null;
  return (
    <Space size={4} data-testid="signed-in">
      <Tooltip title={who.email}><Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="signed-in-scope">{scopeLine(t, areaName, who.staff, who.email)}</Tag></Tooltip>
      <Button size="small" onClick={() => signOut?.()}>{t('staff.signOut')}</Button>
    </Space>
  );
}
