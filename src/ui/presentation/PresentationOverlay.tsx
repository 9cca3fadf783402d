/**
 * Presenting: full screen, the map with its legend, the slide's title and note, and large figures
 * (组建率 now and after the plan, counts). Arrow keys, Page Up / Page Down (what clickers send) and
 * Space move between slides; Escape leaves.
 */
import { useEffect } from 'react';
import { Button, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { usePresentationStore } from '../../state/presentation';
import { afterPlan } from '../../state/after-plan';
import { scopeSummary, useFilterMask } from '../../state/figures';
import { summarize } from '../../core/coverage/coverage';
import { formatPercent } from '../format';

export function PresentationOverlay() {
  const { t, i18n } = useTranslation();
  const presenting = usePresentationStore((s) => s.presenting);
  const slides = usePresentationStore((s) => s.slides);
  const index = usePresentationStore((s) => s.index);
  const showAfter = usePresentationStore((s) => s.afterPlan);
  const setAfterPlan = usePresentationStore((s) => s.setAfterPlan);
  const step = usePresentationStore((s) => s.step);
  const stop = usePresentationStore((s) => s.stop);
  const view = useAppStore((s) => s.view);
  const planItems = usePlanningStore((s) => s.planItems);
  const mask = useFilterMask();

  useEffect(() => {
    if (!presenting) return;
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key)) { e.preventDefault(); step(1); }
      if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key)) { e.preventDefault(); step(-1); }
      if (e.key === 'Escape') stop();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting, step, stop]);

  if (!presenting || !view) return null;
  const slide = slides[index];
  const before = scopeSummary(view, mask);
  const after = summarize(afterPlan(view, planItems).flags, mask ?? undefined);
  const pct = formatPercent;
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="presentation" data-testid="presentation">
      <div className="presentation-head">
        <div>
          <div className="presentation-title" data-testid="presentation-title">{slide?.title}</div>
          {slide?.note ? <div className="presentation-note">{slide.note}</div> : null}
        </div>
        <Space>
          <Segmented value={showAfter ? 'after' : 'before'} onChange={(v) => setAfterPlan(v === 'after')}
            options={[{ value: 'before', label: t('slides.before') }, { value: 'after', label: t('slides.after') }]} data-testid="presentation-toggle" />
          <span className="presentation-counter" data-testid="presentation-counter">{index + 1} / {slides.length}</span>
          <Button onClick={() => step(-1)} disabled={index === 0}>◀</Button>
          <Button onClick={() => step(1)} disabled={index === slides.length - 1}>▶</Button>
          <Button onClick={stop}>{t('slides.exit')}</Button>
        </Space>
      </div>
      <div className="presentation-figures">
        <div><span>{t('slides.rateNow')}</span><b data-testid="presentation-rate">{pct(before.coverage_rate)}</b></div>
        <div><span>{t('slides.rateAfter')}</span><b data-testid="presentation-rate-after">{pct(after.coverage_rate)}</b></div>
        <div><span>{t('summary.enterprises')}</span><b>{num(before.enterprises)}</b></div>
        <div><span>{t('summary.covered')}</span><b>{num(showAfter ? after.covered : before.covered)}</b></div>
        <div><span>{t('summary.mustCover')}</span><b>{num(showAfter ? after.must_cover_covered : before.must_cover_covered)} / {num(before.must_cover)}</b></div>
      </div>
    </div>
  );
}
