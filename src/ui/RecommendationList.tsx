/** The plan's recommendations; choosing one highlights its enterprises and zooms the map to them. */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UMBRELLA_KINDS, type RecommendationKind } from '../core/model/report';
import { useAppStore } from '../state/store';
import { recommendationBbox } from '../state/selectors';
import { acceptRecommendation } from '../state/plan-actions';
import { usePlanningStore } from '../state/planning';

const KIND_COLORS: Record<RecommendationKind, string> = {
  standalone: 'red', joint_branch: 'volcano', building_community: 'gold', zone_org: 'orange', association_branch: 'cyan', work_coverage: 'blue', new_zone: 'purple',
};

export function RecommendationList() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const selected = useAppStore((s) => s.selectedRecommendation);
  const select = useAppStore((s) => s.selectRecommendation);
  const requestView = useAppStore((s) => s.requestView);
  const [kind, setKind] = useState<RecommendationKind | 'all'>('all');
  const { message } = AntApp.useApp();
  const canWrite = useAppStore((s) => s.repository !== null);
  const planItems = usePlanningStore((s) => s.planItems);
  const accepted = useMemo(() => new Map(planItems.map((p) => [p.recommendationId, p.status])), [planItems]);
  const recs = useMemo(() => (view ? view.report.recommendations.filter((r) => kind === 'all' || r.kind === kind) : []), [view, kind]);
  if (!view) return null;
  const effect = view.report.plan_effect;
  const english = i18n.language === 'en';
  const kinds = [...new Set(view.report.recommendations.map((r) => r.kind))];
  return (
    <Card size="small" title={`${t('recommend.title')} · ${t('recommend.count', { count: view.report.recommendations.length })}`} data-testid="recommendations" className="recommendations">
      <Typography.Paragraph type="secondary" className="effect">
        {t('recommend.effect', { total: effect.uncovered_must_cover, inOrgs: effect.must_cover_in_orgs, orgs: effect.new_orgs, work: effect.must_cover_to_work_coverage, greedy: effect.greedy_must_cover_in_orgs })}
      </Typography.Paragraph>
      <Select
        size="small"
        value={kind}
        onChange={setKind}
        style={{ width: '100%', marginBottom: 8 }}
        options={[{ value: 'all', label: t('recommend.all') }, ...kinds.map((k) => ({ value: k, label: t(`recommend.kind.${k}`) }))]}
      />
      <List
        size="small"
        dataSource={recs}
        locale={{ emptyText: t('recommend.empty') }}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
        renderItem={(r) => (
          <List.Item
            className={r.id === selected ? 'rec-item selected' : 'rec-item'}
            data-testid="recommendation-item"
            onClick={() => {
              select(r.id);
              const box = recommendationBbox(view, r);
              if (box) requestView(box);
            }}
          >
            <List.Item.Meta
              avatar={canWrite && !accepted.has(r.id) && !UMBRELLA_KINDS.has(r.kind) ? (
                <Button size="small" data-testid="recommendation-accept" onClick={(event) => {
                  event.stopPropagation();
                  const title = `${r.id} ${t(`recommend.kind.${r.kind}`)}`;
                  acceptRecommendation(view, r, title).then(
                    () => message.success(t('plan.accepted')),
                    (e: Error) => message.error(t('plan.failed', { message: e.message })),
                  );
                }}>{t('plan.accept')}</Button>
              ) : accepted.has(r.id) ? <Tag color="green">{t(`plan.status.${accepted.get(r.id)}`)}</Tag> : null}
              title={
                <span>
                  <Tag color={KIND_COLORS[r.kind]}>{t(`recommend.kind.${r.kind}`)}</Tag>
                  {r.level ? <Tag>{t(`recommend.level.${r.level}`)}</Tag> : null}
                  <Typography.Text type="secondary">{r.id}</Typography.Text>
                </span>
              }
              description={
                <span>
                  {t('recommend.enterprises', { count: r.enterprise_ids.length })} · {t('recommend.members', { formal: r.formal_members, members: r.members })}
                  <br />
                  {(english ? r.reasons_en : r.reasons)[0]}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
