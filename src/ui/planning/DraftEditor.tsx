/**
 * The plan item being edited: its name, form and members, the map tool that adds members, live rule
 * checks, undo / redo, and saving (an organization that breaks a rule cannot be saved as one).
 */
import { useEffect, useMemo } from 'react';
import { Button, Card, Input, List, Segmented, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlanningStore, type Draft, type MapTool } from '../../state/planning';
import { enterprisesWithIds } from '../../state/selectors';
import { openItemsHolding, saveDraft } from '../../state/plan-actions';
import { checkPlanItem } from '../../core/recommend/plan-item-check';
import type { RecommendationKind } from '../../core/model/report';
import type { PlanView } from '../../core/model/plan-view';
import { PlanChecks } from './PlanChecks';
import { usePlanWrite } from './use-plan-write';
import { RecommendationDrift } from './RecommendationDrift';

const EDITABLE_KINDS: RecommendationKind[] = ['joint_branch', 'standalone', 'association_branch', 'building_community', 'zone_org', 'work_coverage'];
const ORG_LEVELS = ['branch', 'general_branch', 'committee'] as const;

function useDraftCheck(view: PlanView, draft: Draft) {
  return useMemo(() => {
    const members = enterprisesWithIds(view, draft.enterpriseIds);
    return { members, check: checkPlanItem(draft.kind, members, view.rules) };
  }, [view, draft.enterpriseIds, draft.kind]);
}

export function DraftEditor({ view, draft }: { view: PlanView; draft: Draft }) {
  const { t } = useTranslation();
  const tool = usePlanningStore((s) => s.tool);
  const mustCoverOnly = usePlanningStore((s) => s.mustCoverOnly);
  const setMustCoverOnly = usePlanningStore((s) => s.setMustCoverOnly);
  const setTool = usePlanningStore((s) => s.setTool);
  const editDraft = usePlanningStore((s) => s.editDraft);
  const toggleMember = usePlanningStore((s) => s.toggleMember);
  const undo = usePlanningStore((s) => s.undo);
  const redo = usePlanningStore((s) => s.redo);
  const canUndo = usePlanningStore((s) => s.past.length > 0);
  const canRedo = usePlanningStore((s) => s.future.length > 0);
  const closeDraft = usePlanningStore((s) => s.closeDraft);
  const planItems = usePlanningStore((s) => s.planItems);
  const [saving, write] = usePlanWrite();
  const { members, check } = useDraftCheck(view, draft);
  const blocked = draft.kind !== 'work_coverage' && check.violations.length > 0;
  const movingIn = [...openItemsHolding(planItems, draft.enterpriseIds, draft.itemId).values()].reduce((a, b) => a + b, 0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement | null)?.closest('input, textarea')) return;
      if (e.key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const save = (asWorkCoverage: boolean) => {
    const toSave = asWorkCoverage ? { ...draft, kind: 'work_coverage' as const, level: null } : draft;
    return write(() => saveDraft(view, { ...toSave, title: toSave.title.trim() || t(`recommend.kind.${toSave.kind}`) }), t('plan.saved'));
  };

  const tools: { value: MapTool; label: string }[] = [
    { value: 'pick', label: t('plan.pick') }, { value: 'polygon', label: t('plan.polygon') }, { value: 'freehand', label: t('plan.freehand') },
  ];
  return (
    <Card size="small" className="draft-editor" data-testid="draft-editor" title={draft.itemId ? t('plan.edit') : t('plan.new')}>
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Segmented size="small" block value={tool} onChange={(v) => setTool(v as MapTool)} options={tools} data-testid="plan-tool" />
        <Typography.Text type="secondary" className="hint">{t('plan.toolHint')}</Typography.Text>
        <Space size={4}>
          <Switch size="small" checked={mustCoverOnly} onChange={setMustCoverOnly} data-testid="draft-must-cover-only" />
          <Typography.Text className="filter-label">{t('plan.mustCoverOnly')}</Typography.Text>
        </Space>
        <Input size="small" value={draft.title} placeholder={t('plan.titlePlaceholder')} onChange={(e) => editDraft({ title: e.target.value })} addonBefore={t('plan.title')} data-testid="draft-title" />
        <Space.Compact block>
          <Select size="small" style={{ flex: 2 }} value={draft.kind} onChange={(kind) => editDraft({ kind, level: kind === 'work_coverage' ? null : draft.level ?? 'branch' })}
            options={EDITABLE_KINDS.map((k) => ({ value: k, label: t(`recommend.kind.${k}`) }))} data-testid="draft-kind" />
          <Select size="small" style={{ flex: 1 }} value={draft.level ?? undefined} disabled={draft.kind === 'work_coverage'} onChange={(level) => editDraft({ level })}
            options={ORG_LEVELS.map((l) => ({ value: l, label: t(`recommend.level.${l}`) }))} />
        </Space.Compact>
        <PlanChecks check={check} />
        {draft.itemId ? <RecommendationDrift recommendationId={draft.recommendationId} enterpriseIds={draft.enterpriseIds} /> : null}
        {movingIn > 0 ? <Typography.Text type="warning">{t('plan.inOther', { count: movingIn })}</Typography.Text> : null}
        <List
          size="small"
          header={<Typography.Text strong>{t('plan.members')} · {members.length}</Typography.Text>}
          dataSource={members}
          pagination={members.length > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
          data-testid="draft-members"
          renderItem={(e) => (
            <List.Item actions={[<Button key="remove" size="small" type="link" onClick={() => toggleMember(e.id)}>{t('plan.removeMember')}</Button>]}>
              <Typography.Text ellipsis style={{ maxWidth: 200 }}>{e.name}</Typography.Text>
              {e.partyMembers ? <Tag>{e.partyMembers}</Tag> : null}
            </List.Item>
          )}
        />
        <Space wrap>
          <Tooltip title="Ctrl+Z"><Button size="small" disabled={!canUndo} onClick={undo} data-testid="draft-undo">{t('plan.undo')}</Button></Tooltip>
          <Tooltip title="Ctrl+Y"><Button size="small" disabled={!canRedo} onClick={redo} data-testid="draft-redo">{t('plan.redo')}</Button></Tooltip>
          <Button size="small" type="primary" loading={saving} disabled={blocked || members.length === 0} onClick={() => void save(false)} data-testid="draft-save">{t('plan.save')}</Button>
          {blocked && members.length > 0 ? <Button size="small" onClick={() => void save(true)} data-testid="draft-save-work">{t('plan.saveAsWork')}</Button> : null}
          <Button size="small" onClick={closeDraft} data-testid="draft-cancel">{t('plan.cancel')}</Button>
        </Space>
        {blocked ? <Typography.Text type="danger" data-testid="draft-blocked">{t('plan.blocked')}</Typography.Text> : null}
      </Space>
    </Card>
  );
}
