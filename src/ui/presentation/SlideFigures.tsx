/** The large figures of a slide: 组建率 now and after the plan, enterprises, covered, must-cover covered. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { usePresentationStore } from '../../state/presentation';
import { afterPlan } from '../../state/after-plan';
import { scopeSummary, useFilterMask } from '../../state/figures';
import { summarize } from '../../core/coverage/coverage';
import { formatPercent } from '../format';

export function SlideFigures({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const planItems = usePlanningStore((s) => s.planItems);
  const showAfter = usePresentationStore((s) => s.afterPlan);
  const mask = useFilterMask();
  // Two scenarios or two snapshot dates side by side: each side's label carries its own figures; these would contradict them.
  const splitOther = usePresentationStore((s) => s.split.on && (s.split.compare ?? 'plan') !== 'plan');
  if (!view || splitOther) return null;
  const before = scopeSummary(view, mask);
  const after = summarize(afterPlan(view, planItems).flags, mask ?? undefined);
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className={compact ? 'presentation-figures compact' : 'presentation-figures'} data-testid="presentation-figures">
      <div><span>{t('slides.rateNow')}</span><b data-testid="presentation-rate">{formatPercent(before.coverage_rate)}</b></div>
      <div><span>{t('slides.rateAfter')}</span><b data-testid="presentation-rate-after">{formatPercent(after.coverage_rate)}</b></div>
      <div><span>{t('summary.enterprises')}</span><b data-testid="presentation-enterprises">{num(before.enterprises)}</b></div>
      <div><span>{t('summary.covered')}</span><b data-testid="presentation-covered">{num(showAfter ? after.covered : before.covered)}</b></div>
      <div><span>{t('summary.mustCover')}</span><b>{num(showAfter ? after.must_cover_covered : before.must_cover_covered)} / {num(before.must_cover)}</b></div>
    </div>
  );
}
