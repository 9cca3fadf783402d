/**
 * The shared store's door: renders the sign-in screens over the page until a staff member is signed in,
 * then hands who they are (and sign-out, the staff RPCs) to the workspace store, which the header and
 * every control read. An ended session (expired refresh, signed out in another tab) reloads the page
 * back to the sign-in screen with a message.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { AuthPort, Whoami } from '../data/auth';
import { AuthGate } from '../ui/auth/AuthGate';
import { followLive, useWorkspaceStore } from '../state/capabilities';
import { i18n } from '../ui/i18n';

const ENDED = 'lianjian.session-ended';

export function signInToSharedStore(auth: AuthPort): Promise<Whoami> {
  const host = document.createElement('div');
  host.id = 'lianjian-auth';
  document.body.appendChild(host);
  const overlay = { position: 'fixed', inset: 0, zIndex: 2000 } as const;
  const root = createRoot(host);
  const notice = sessionStorage.getItem(ENDED) ? i18n.t('auth.expired') : null;
  sessionStorage.removeItem(ENDED);
  const wrap = (node: ReactNode) => (
    <ConfigProvider locale={i18n.language === 'en' ? undefined : zhCN}><AntApp>{node}</AntApp></ConfigProvider>
  );
  return new Promise((resolve) => {
    const ready = (who: Whoami) => {
      let signingOut = false;
      const signOut = async () => {
        signingOut = true;
        await auth.signOut().catch(() => {});
        location.reload();
      };
      auth.onSessionEnded(() => {
        if (signingOut) return;
        sessionStorage.setItem(ENDED, '1');
        location.reload();
      });
      root.unmount();
      host.remove();
      useWorkspaceStore.getState().signedIn(who, auth.staff, () => void signOut());
      // Area names for the header before the data has been read (the plan view has them afterwards).
      const choices = auth.areaChoices();
      followLive(auth.live, who, choices.then((areas) => areas.filter((a) => a.level === 'district').map((a) => a.id)));
      choices.then(
        (areas) => useWorkspaceStore.setState({ areaNames: Object.fromEntries(areas.map((a) => [a.id, a.name])) }),
        () => undefined,
      );
      resolve(who);
    };
    root.render(wrap(<div style={overlay}><AuthGate auth={auth} notice={notice} onReady={ready} /></div>));
  });
}
