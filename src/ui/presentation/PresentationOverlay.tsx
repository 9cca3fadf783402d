/**
 * Presenting: the map with its legend, the slide's title and note, and large figures (组建率 now and
 * after the plan, counts). Arrow keys, Page Up / Page Down (what clickers send) and Space move between
 * slides; Escape leaves. On one screen this is the whole show (full screen); with an audience window
 * open, this window shows the presenter view and the audience window this overlay without controls,
 * plus the presenter's pointer.
 */
import { useEffect } from 'react';
import { Button, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePresentationStore } from '../../state/presentation';
import { SlideFigures } from './SlideFigures';
import { useSlideKeys } from './use-slide-keys';
import { PresenterView } from './PresenterView';
import { AudienceExtras } from './AudienceExtras';
import { startAudienceChannel } from './meeting-channel';
import { datasetParam } from './meeting-window';
import './meeting.css';

export function PresentationOverlay() {
  const { t } = useTranslation();
  const presenting = usePresentationStore((s) => s.presenting);
  const role = usePresentationStore((s) => s.role);
  const slides = usePresentationStore((s) => s.slides);
  const index = usePresentationStore((s) => s.index);
  const showAfter = usePresentationStore((s) => s.afterPlan);
  const setAfterPlan = usePresentationStore((s) => s.setAfterPlan);
  const splitOn = usePresentationStore((s) => s.split.on);
  const step = usePresentationStore((s) => s.step);
  const stop = usePresentationStore((s) => s.stop);
  const view = useAppStore((s) => s.view);
  useSlideKeys(presenting || role === 'audience', step, stop);

  // One screen: full screen, as before. The presenter's laptop keeps its window; the audience window
  // goes full screen on a click (browsers allow it only after one).
  useEffect(() => {
    if (!presenting || role !== 'single') return;
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting, role]);

  useEffect(() => {
    if (role === 'single') return;
    const cls = role === 'presenter' ? 'meeting-presenter' : 'meeting-audience';
    document.body.classList.add(cls);
    return () => document.body.classList.remove(cls);
  }, [role]);

  useEffect(() => {
    if (role !== 'audience') return;
    return startAudienceChannel(datasetParam());
  }, [role]);

  if (role === 'audience' && (!presenting || !view)) return <AudienceExtras waiting />;
  if (!presenting || !view) return null;
  if (role === 'presenter') return <PresenterView />;
  const slide = slides[index];
  const audience = role === 'audience';
  return (
    <>
      <div className={audience ? 'presentation audience' : 'presentation'} data-testid="presentation">
        <div className="presentation-head">
          <div>
            <div className="presentation-title" data-testid="presentation-title">{slide?.title}</div>
            {slide?.note && !audience ? <div className="presentation-note">{slide.note}</div> : null}
          </div>
          <Space>
            {audience || splitOn ? null : (
              <Segmented value={showAfter ? 'after' : 'before'} onChange={(v) => setAfterPlan(v === 'after')}
                options={[{ value: 'before', label: t('slides.before') }, { value: 'after', label: t('slides.after') }]} data-testid="presentation-toggle" />
            )}
            <span className="presentation-counter" data-testid="presentation-counter">{index + 1} / {slides.length}</span>
            {audience ? null : (
              <>
                <Button onClick={() => step(-1)} disabled={index === 0}>◀</Button>
                <Button onClick={() => step(1)} disabled={index === slides.length - 1}>▶</Button>
                <Button onClick={stop}>{t('slides.exit')}</Button>
              </>
            )}
          </Space>
        </div>
        <SlideFigures />
      </div>
      {audience ? <AudienceExtras waiting={false} /> : null}
    </>
  );
}
