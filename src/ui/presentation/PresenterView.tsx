/**
 * The presenter's laptop while the audience window shows the slides: the current slide's map (left),
 * its notes, the next slide, the time since the start, the figures and the controls (right). The same
 * keys and clickers work here; moving the mouse over the map shows a pointer on the audience screen.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePresentationStore } from '../../state/presentation';
import { SlideFigures } from './SlideFigures';
import { startPresenterChannel } from './meeting-channel';
import { audienceWindow, datasetParam, openAudienceWindow } from './meeting-window';
import { PaletteSwitch } from './PaletteSwitch';
import { SlidePreview } from './SlidePreview';

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

function Elapsed() {
  const startedAt = usePresentationStore((s) => s.startedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="presenter-clock" data-testid="presenter-elapsed">{formatElapsed(now - (startedAt ?? now))}</span>;
}

function AudienceStatus() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => audienceWindow() !== null);
  useEffect(() => {
    const timer = setInterval(() => setOpen(audienceWindow() !== null), 1000);
    return () => clearInterval(timer);
  }, []);
  return open ? <Tag color="green" data-testid="presenter-audience-open">{t('meeting.audienceOpen')}</Tag> : (
    <Button size="small" onClick={() => void openAudienceWindow().then((w) => setOpen(w !== null))} data-testid="presenter-reopen">{t('meeting.reopen')}</Button>
  );
}

export function PresenterView() {
  const { t } = useTranslation();
  const slides = usePresentationStore((s) => s.slides);
  const index = usePresentationStore((s) => s.index);
  const showAfter = usePresentationStore((s) => s.afterPlan);
  const setAfterPlan = usePresentationStore((s) => s.setAfterPlan);
  const splitOn = usePresentationStore((s) => s.split.on);
  const step = usePresentationStore((s) => s.step);
  const stop = usePresentationStore((s) => s.stop);
  const [pointer, setPointer] = useState(true);
  const pointerRef = useRef(pointer);
  pointerRef.current = pointer;
  useEffect(() => startPresenterChannel(datasetParam(), () => pointerRef.current), []);
  const slide = slides[index];
  const next = slides[index + 1];
  return (
    <aside className="presenter" data-testid="presenter-view">
      <div className="presenter-head">
        <Typography.Text strong>{t('meeting.presenterTitle')}</Typography.Text>
        <span className="presentation-counter" data-testid="presenter-counter">{index + 1} / {slides.length}</span>
        <Elapsed />
        <AudienceStatus />
      </div>
      <div className="presenter-current">
        <div className="presenter-label">{t('meeting.current')}</div>
        <div className="presenter-title" data-testid="presenter-title">{slide?.title}</div>
      </div>
      <div className="presenter-notes" data-testid="presenter-notes">{slide?.note || <span className="presenter-muted">{t('meeting.noNotes')}</span>}</div>
      <div className="presenter-next" data-testid="presenter-next">
        <div className="presenter-label">{t('meeting.next')}</div>
        {next ? (
          <>
            <SlidePreview slide={next} width={320} height={180} />
            <div className="presenter-next-title" data-testid="presenter-next-title">{next.title}</div>
          </>
        ) : <span className="presenter-muted">{t('meeting.last')}</span>}
      </div>
      <SlideFigures compact />
      <Space wrap>
        <Button onClick={() => step(-1)} disabled={index === 0} data-testid="presenter-previous">◀ {t('meeting.previous')}</Button>
        <Button type="primary" onClick={() => step(1)} disabled={index === slides.length - 1} data-testid="presenter-next-button">{t('meeting.nextButton')} ▶</Button>
        {/* Two maps side by side: each side says what it shows; the before / after switch would change nothing. */}
        {splitOn ? null : (
          <Segmented value={showAfter ? 'after' : 'before'} onChange={(v) => setAfterPlan(v === 'after')}
            options={[{ value: 'before', label: t('slides.before') }, { value: 'after', label: t('slides.after') }]} data-testid="presentation-toggle" />
        )}
      </Space>
      <Space wrap>
        <Space size={4}><Switch size="small" checked={pointer} onChange={setPointer} data-testid="presenter-pointer" /><span>{t('meeting.pointer')}</span></Space>
        <PaletteSwitch />
        <Button danger onClick={stop} data-testid="presenter-end">{t('meeting.end')}</Button>
      </Space>
    </aside>
  );
}
