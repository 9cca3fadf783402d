/** The audience window's own parts: a waiting screen until the presenter starts, the presenter's pointer, a full-screen button. */
import { useEffect, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePresentationStore } from '../../state/presentation';
import { mapBridge } from '../../map/map-bridge';

function PointerDot() {
  const at = usePresentationStore((s) => s.pointer);
  const [, redraw] = useState(0);
  // The dot stays on its place on the map while the camera moves.
  useEffect(() => mapBridge.onCamera(() => redraw((n) => n + 1)), []);
  const main = mapBridge.main();
  if (!at || !main) return null;
  const [x, y] = main.project(at[0], at[1]);
  return <div className="meeting-pointer" data-testid="audience-pointer" style={{ left: x, top: y }} />;
}

function FullscreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(document.fullscreenElement !== null);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  if (full) return null;
  return (
    <Button className="meeting-fullscreen" size="large" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)} data-testid="audience-fullscreen">
      {t('meeting.fullscreen')}
    </Button>
  );
}

export function AudienceExtras({ waiting }: { waiting: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {waiting ? <div className="meeting-waiting" data-testid="audience-waiting">{t('meeting.audienceWaiting')}</div> : <PointerDot />}
      <FullscreenButton />
    </>
  );
}
