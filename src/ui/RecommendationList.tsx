/**
 * The plan's recommendations, by name; choosing one highlights its enterprises and zooms the map to
 * them. Every kind has an action: a leaf is accepted as a plan item, an umbrella (楼宇社区, 商圈组织)
 * accepts the branches under it, a new-zone proposal (uncovered cluster) creates the zone.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Empty, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { UMBRELLA_KINDS, type Recommendation, type RecommendationKind } from '../core/model/report';
import type { PlanView } from '../core/model/plan-view';
import { useAppStore } from '../state/store';
import { enterpriseIndexById, recommendationBbox, recommendationsById } from '../state/selectors';
import { acceptRecommendation, createRecommendedZone, openItemsHolding } from '../state/plan-actions';
import { usePlanningStore } from '../state/planning';
import { joinNames, planItemTitle, recommendationName } from './names';

const KIND_COLORS: Record<RecommendationKind, string> = {
  standalone: 'red', joint_branch: 'volcano', building_community: 'gold', zone_org: 'orange', association_branch: 'cyan', work_coverage: 'blue', new_zone: 'purple',
};

/** A new zone's name in words ("临浦某某公司周边区域"), from the proposal's name, never its code. */
export function newZoneName(t: TFunction, english: boolean, r: Pick<Recommendation, 'name' | 'name_en'>, count: number): string {
  const place = english ? /^New zone around (.+?) \(\d+/.exec(r.name_en)?.[1] : /^(.+?)周边 新区域/.exec(r.name)?.[1];
  return place ? t('planner.zoneName', { place }) : t('planner.zoneNameFallback', { count });
}

/** The names of the districts a recommendation's enterprises lie in. */
export function districtsOf(view: PlanView, r: Pick<Recommendation, 'enterprise_ids'>): string[] {
  const index = enterpriseIndexById(view);
  const found = new Set<number>();
  for (const id of r.enterprise_ids) {
    const d = view.district[index.get(id) ?? -1] ?? -1;
    if (d >= 0) found.add(d);
  }
  return [...found].map((d) => view.areaList[d].name);
}

/** The leaf recommendations under an umbrella, however deep. */
export function leavesUnder(view: PlanView, umbrellaId: string): Recommendation[] {
  const byId = recommendationsById(view);
  return view.report.recommendations.filter((r) => {
    if (UMBRELLA_KINDS.has(r.kind)) return false;
    for (let p = r.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null) if (p === umbrellaId) return true;
    return false;
  });
}

export function RecommendationList() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const selected = useAppStore((s) => s.selectedRecommendation);
  const select = useAppStore((s) => s.selectRecommendation);
  const requestView = useAppStore((s) => s.requestView);
  const [kind, setKind] = useState<RecommendationKind | 'all'>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const { message, modal } = AntApp.useApp();
  const canWrite = useAppStore((s) => s.canWrite);
  const planItems = usePlanningStore((s) => s.planItems);
  const accepted = useMemo(() => new Map(planItems.map((p) => [p.recommendationId, p.status])), [planItems]);
  const recs = useMemo(() => (view ? view.report.recommendations.filter((r) => kind === 'all' || r.kind === kind) : []), [view, kind]);
  if (!view) return null;
  const effect = view.report.plan_effect;
  const english = i18n.language === 'en';
  const kinds = [...new Set(view.report.recommendations.map((r) => r.kind))];
  const clusterSize = new Map(view.report.clusters.map((c) => [`NZ-${c.id}`, c.enterprise_ids.length]));
  const fail = (e: Error) => message.error(t('plan.failed', { message: e.message }));

  const accept = (r: Recommendation) => {
    const go = () => {
      setBusy(r.id);
      acceptRecommendation(view, r, planItemTitle(r)).then(() => message.success(t('plan.accepted')), fail).finally(() => setBusy(null));
    };
    // Members already in another open plan item leave it on accepting: say so first (it may be left empty).
    const from = openItemsHolding(planItems, r.enterprise_ids);
    if (from.size === 0) return go();
    modal.confirm({
      title: t('recommend.moveTitle'),
      content: <span data-testid="recommendation-move-confirm">{t('recommend.moveFrom', { count: [...from.values()].reduce((a, b) => a + b, 0), items: joinNames([...from.keys()].map((item) => item.title)) })}</span>,
      okText: t('recommend.moveOk'), cancelText: t('plan.cancel'), onOk: go,
    });
  };
  // An umbrella's branches become plan items, each titled by its own name and then the umbrella's (the list cuts long titles).
  const acceptBranches = async (r: Recommendation) => {
    const open = leavesUnder(view, r.id).filter((leaf) => !accepted.has(leaf.id) && districtsOf(view, leaf).length <= 1);
    setBusy(r.id);
    try {
      const umbrella = planItemTitle(r);
      for (const leaf of open) await acceptRecommendation(view, leaf, `${planItemTitle(leaf)} · ${umbrella}`);
      message.success(t('recommend.branchesAccepted', { count: open.length }));
    } catch (e) {
      fail(e as Error);
    } finally {
      setBusy(null);
    }
  };
  // A new zone (区域联建) around an uncovered cluster: once it exists, the next plan groups its enterprises by it.
  const createZone = async (r: Recommendation) => {
    if (!useAppStore.getState().canWrite || !r.geometry) return;
    setBusy(r.id);
    try {
      const name = newZoneName(t, i18n.language === 'en', r, clusterSize.get(r.id) ?? r.enterprise_ids.length);
      await createRecommendedZone(r, name, () => message.success(t('recommend.zoneCreated', { name })));
    } catch (e) {
      fail(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const action = (r: Recommendation) => {
    if (!canWrite) return null;
    if (accepted.has(r.id)) return <Tag color="green">{t(`plan.status.${accepted.get(r.id)}`)}</Tag>;
    if (r.kind === 'new_zone') {
      return (
        <Popconfirm title={t('recommend.createZoneConfirm')} description={<div className="confirm-text">{t('recommend.createZoneWhat')}</div>} onConfirm={() => void createZone(r)}
          okButtonProps={{ 'data-testid': 'create-zone-ok' } as Record<`data-${string}`, string>}>
          <Button size="small" loading={busy === r.id} onClick={(e) => e.stopPropagation()} data-testid="recommendation-create-zone">{t('recommend.createZone')}</Button>
        </Popconfirm>
      );
    }
    if (UMBRELLA_KINDS.has(r.kind)) {
      const open = leavesUnder(view, r.id).filter((leaf) => !accepted.has(leaf.id) && districtsOf(view, leaf).length <= 1).length;
      if (open === 0) return <Tag color="green">{t('recommend.branchesAllAccepted')}</Tag>;
      return (
        <Button size="small" loading={busy === r.id} data-testid="recommendation-accept-branches" onClick={(e) => { e.stopPropagation(); void acceptBranches(r); }}>
          {t('recommend.acceptBranches', { count: open })}
        </Button>
      );
    }
    // A plan item (and its rows in the store) belongs to one district: say so instead of letting the store refuse it.
    const districts = districtsOf(view, r);
    if (districts.length > 1) {
      return (
        <span className="rec-cross-district" data-testid="recommendation-cross-district">
          <Button size="small" disabled data-testid="recommendation-accept">{t('plan.accept')}</Button>
          <Typography.Text type="warning"> {t('planner.crossDistrict', { districts: joinNames(districts) })}</Typography.Text>
        </span>
      );
    }
    return (
      <Button size="small" loading={busy === r.id} data-testid="recommendation-accept" onClick={(e) => { e.stopPropagation(); accept(r); }}>{t('plan.accept')}</Button>
    );
  };

  const count = (r: Recommendation) => {
    // A cluster's proposal counts the cluster's enterprises, not the branches found in it (there may be none yet).
    if (r.kind === 'new_zone') {
      const inCluster = clusterSize.get(r.id) ?? r.enterprise_ids.length;
      return r.enterprise_ids.length > 0 ? t('recommend.clusterWithBranches', { count: inCluster, grouped: r.enterprise_ids.length }) : t('recommend.clusterOnly', { count: inCluster });
    }
    return `${t('recommend.enterprises', { count: r.enterprise_ids.length })} · ${t('recommend.members', { formal: r.formal_members, members: r.members })}`;
  };

  return (
    <Card size="small" title={`${t('recommend.title')} · ${t('recommend.count', { count: view.report.recommendations.length })}`} data-testid="recommendations" className="recommendations">
      <Typography.Paragraph type="secondary" className="effect">
        {t(effect.greedy_must_cover_in_orgs === null ? 'recommend.effectBeforeComparison' : 'recommend.effect', { total: effect.uncovered_must_cover, inOrgs: effect.must_cover_in_orgs, orgs: effect.new_orgs, work: effect.must_cover_to_work_coverage, greedy: effect.greedy_must_cover_in_orgs })}
      </Typography.Paragraph>
      {view.report.clusters.length === 0 ? (
        <Typography.Paragraph type="secondary" className="effect" data-testid="no-clusters">{t('recommend.noClusters')}</Typography.Paragraph>
      ) : null}
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
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={kind === 'all' ? t('recommend.emptyAll') : t('recommend.emptyKind', { kind: t(`recommend.kind.${kind}`) })} /> }}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
        renderItem={(r) => (
          <List.Item
            className={r.id === selected ? 'rec-item selected' : 'rec-item'}
            data-testid="recommendation-item"
            data-rec-id={r.id}
            onClick={() => {
              select(r.id);
              const box = recommendationBbox(view, r);
              if (box) requestView(box);
            }}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag color={KIND_COLORS[r.kind]}>{t(`recommend.kind.${r.kind}`)}</Tag>
                  {r.level ? <Tag>{t(`recommend.level.${r.level}`)}</Tag> : null}
                  <Typography.Text strong data-testid="recommendation-name">{recommendationName(r)}</Typography.Text>
                </Space>
              }
              description={
                <span>
                  <span data-testid="recommendation-count">{count(r)}</span>
                  <br />
                  {(english ? r.reasons_en : r.reasons)[0]}
                  {canWrite ? <span className="rec-action">{action(r)}</span> : null}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
