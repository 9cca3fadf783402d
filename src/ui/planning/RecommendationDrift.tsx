/**
 * Says on an accepted plan item when its recommendation has changed ("建议已变化：成员 +2 −1") or gone
 * ("建议已不存在"), with the names of the enterprises added and removed and a link that shows the
 * current recommendation on the map. The comparison is core/recommend/drift.ts.
 */
import { useMemo } from 'react';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { enterpriseIndexById, recommendationBbox } from '../../state/selectors';
import { recommendationDrift } from '../../core/recommend/drift';
import type { PlanView } from '../../core/model/plan-view';
import { joinNames, recommendationName } from '../names';

const SHOWN_NAMES = 5;

function namesOf(view: PlanView, ids: readonly string[]): string {
  const index = enterpriseIndexById(view);
  const names = ids.slice(0, SHOWN_NAMES).map((id) => view.enterprises[index.get(id) ?? -1]?.name ?? id);
  return ids.length > SHOWN_NAMES ? `${joinNames(names)} …` : joinNames(names);
}

export function RecommendationDrift({ recommendationId, enterpriseIds }: { recommendationId: string | null; enterpriseIds: readonly string[] }) {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const select = useAppStore((s) => s.selectRecommendation);
  const requestView = useAppStore((s) => s.requestView);
  const drift = useMemo(() => (view ? recommendationDrift({ recommendationId, enterpriseIds }, view.report.recommendations) : null), [view, recommendationId, enterpriseIds]);
  if (!view || !drift || drift.state === 'same') return null;
  if (drift.state === 'gone') {
    return <Alert type="warning" showIcon className="rec-drift" data-testid="plan-item-drift" data-drift="gone" title={t('planner.drift.gone')} description={t('planner.drift.goneHint')} />;
  }
  const { current, added, removed } = drift;
  const show = () => {
    select(current.id);
    const box = recommendationBbox(view, current);
    if (box) requestView(box);
  };
  return (
    <Alert type="info" showIcon className="rec-drift" data-testid="plan-item-drift" data-drift="changed" data-added={added.length} data-removed={removed.length} data-current-id={current.id}
      title={added.length + removed.length > 0 ? t('planner.drift.changed', { added: added.length, removed: removed.length }) : t('planner.drift.changedSameMembers')}
      description={
        <div>
          {added.length > 0 ? <div><Typography.Text type="secondary">{t('names.labelled', { label: t('planner.drift.added'), value: '' })}</Typography.Text>{namesOf(view, added)}</div> : null}
          {removed.length > 0 ? <div><Typography.Text type="secondary">{t('names.labelled', { label: t('planner.drift.removed'), value: '' })}</Typography.Text>{namesOf(view, removed)}</div> : null}
          <Button type="link" size="small" className="link-wrap" onClick={show} data-testid="plan-item-drift-show">{t('names.labelled', { label: t('planner.drift.show'), value: recommendationName(current) })}</Button>
        </div>
      }
    />
  );
}
