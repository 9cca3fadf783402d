/**
 * Who is signed in to the shared store and their scope (name · role · area by name), with sign-out; who
 * else is on the same channel (Realtime presence) and whether changes arrive live or by polling. In the header.
 */
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
  const present = useWorkspaceStore((s) => s.present);
  const live = useWorkspaceStore((s) => s.live);
  const { areaName } = useAreas();
  if (!who?.staff) return null;
  const others = [...new Set(present.map((p) => p.name).filter(Boolean))];
  return (
    <Space size={4} data-testid="signed-in">
      <Tooltip title={who.email}><Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="signed-in-scope">{scopeLine(t, areaName, who.staff, who.email)}</Tag></Tooltip>
      <Tooltip title={t(live ? 'staff.presence.live' : 'staff.presence.polling')}>
        <Tag color={live ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="live-status" data-live={live ? 'yes' : 'no'}>
          {others.length > 0 ? t('staff.presence.viewing', { names: others.join('、') }) : t(live ? 'staff.presence.live' : 'staff.presence.polling')}
        </Tag>
      </Tooltip>
      <Button size="small" onClick={() => signOut?.()}>{t('staff.signOut')}</Button>
    </Space>
  );
}
