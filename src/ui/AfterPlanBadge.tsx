/**
 * While the map shows coverage after the plan (a forecast, not the situation as it is), a banner on
 * the map says so, in the workspace and when presenting, with a way straight back to 现状.
 */
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePresentationStore } from '../state/presentation';

export function AfterPlanBadge() {
  const { t } = useTranslation();
  const on = usePresentationStore((s) => s.afterPlan);
  const presenting = usePresentationStore((s) => s.presenting);
  const setAfterPlan = usePresentationStore((s) => s.setAfterPlan);
  if (!on) return null;
  return (
    <div className={presenting ? 'after-plan-badge presenting' : 'after-plan-badge'} data-testid="after-plan-badge" role="status">
      <span>{t('slides.afterBadge')}</span>
      {presenting ? null : <Button size="small" onClick={() => setAfterPlan(false)} data-testid="after-plan-off">{t('slides.backToNow')}</Button>}
    </div>
  );
}
