/**
 * Who is signed in to the shared store and their scope (name · role · area by name), with sign-out in its
 * menu; whether changes arrive live or by polling, and who else is on the same channel (Realtime presence),
 * as one small tag. In the header: kept to two controls so the header stays one calm row at 1366 px.
 */
import { Badge, Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkspaceStore } from '../../state/capabilities';
import { signOut } from '../../state/staff-actions';
import { useAreas } from '../staff/area-names';
import { scopeLine } from '../staff/staff-lines';
import './strings';
import './signed-in.css';
import { joinNames } from '../names';

export function SignedInBadge() {
  const { t } = useTranslation();
  const who = useWorkspaceStore((s) => s.who);
  const present = useWorkspaceStore((s) => s.present);
  const live = useWorkspaceStore((s) => s.live);
  const { areaName } = useAreas();
  if (!who?.staff) return null;
  const others = [...new Set(present.map((p) => p.name).filter(Boolean))];
  const scope = scopeLine(t, areaName, who.staff, who.email);
  const liveText = t(live ? 'staff.presence.live' : 'staff.presence.polling');
  const status = others.length > 0 ? `${liveText} · ${t('staff.presence.viewing', { names: joinNames(others) })}` : liveText;
  return (
    <Space size={6} data-testid="signed-in" className="signed-in">
      <Tooltip title={scope} placement="bottom">
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'account', label: t('staff.presence.menu', { email: who.email }), disabled: true },
              { type: 'divider' },
              { key: 'sign-out', label: <span data-testid="sign-out">{t('staff.signOut')}</span> },
            ],
            onClick: ({ key }) => {
              if (key === 'sign-out') signOut();
            },
          }}
        >
          <Button size="small" className="signed-in-button" data-testid="signed-in-menu">
            <span className="signed-in-scope" data-testid="signed-in-scope">{scope}</span>
            <span className="signed-in-caret" aria-hidden />
          </Button>
        </Dropdown>
      </Tooltip>
      <Tooltip title={status} placement="bottom">
        <Tag className="live-status" color={live ? 'green' : 'default'} data-testid="live-status" data-live={live ? 'yes' : 'no'}>
          <Badge status={live ? 'success' : 'default'} />
          <span className="live-status-text">{others.length > 0 ? t('staff.presence.others', { count: others.length }) : liveText}</span>
        </Tag>
      </Tooltip>
    </Space>
  );
}
