/** Saved plan items: status 拟建 → 组建中 → 已组建 with owner, instructor and due date; edit members, delete. */
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Input, List, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePlanningStore, draftOf } from '../../state/planning';
import { useAppStore } from '../../state/store';
import { deletePlanItem, movePlanItem, updatePlanItem } from '../../state/plan-actions';
import { enterpriseIndexById, enterprisesWithIds, recommendationBbox } from '../../state/selectors';
import { useCapabilities, useEditingBy } from '../../state/capabilities';
import { useRefusal } from '../staff/Guarded';
import type { PlanItem, PlanItemStatus } from '../../core/model/records';
import { PLAN_STATUS_COLORS, cssColor } from '../../map/layers/palette';
import { usePlanWrite } from './use-plan-write';
import { RecommendationDrift } from './RecommendationDrift';
import { statusLight, todayInChina } from '../../core/followup/status-light';
import { StatusLightTag } from '../followup/StatusLightTag';
import { checkPlanItem, type PlanItemViolation } from '../../core/recommend/plan-item-check';
import { joinMessages } from '../names';
import { violationText } from './PlanChecks';

const STATUSES: PlanItemStatus[] = ['proposed', 'forming', 'formed'];

function PlanItemCard({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const requestView = useAppStore((s) => s.requestView);
  const startDraft = usePlanningStore((s) => s.startDraft);
  const [owner, setOwner] = useState(item.owner);
  const [instructor, setInstructor] = useState(item.instructor);
  const [busy, run] = usePlanWrite();
  // Street staff change only items all of whose members are in their street: the others' actions are hidden, with the reason.
  const capabilities = useCapabilities();
  const editingBy = useEditingBy(item.id);
  const index = view ? enterpriseIndexById(view) : null;
  const refusal = useRefusal()(capabilities.planItem(item.enterpriseIds.map((id) => {
    const i = index?.get(id);
    return i === undefined ? '' : view!.enterprises[i].street;
  })));
  const step = STATUSES.indexOf(item.status);
  // The checks a draft must pass to be saved hold for moving on too: an item emptied when its members
  // went into another one, or one that a later rule change breaks, is not carried to 已组建.
  const blockers = useMemo((): PlanItemViolation[] => {
    if (!view || item.status === 'formed') return [];
    const { violations } = checkPlanItem(item.kind, enterprisesWithIds(view, item.enterpriseIds), view.rules);
    return item.kind === 'work_coverage' ? violations.filter((v) => v.rule === 'empty') : violations;
  }, [view, item.enterpriseIds, item.kind, item.status]);
  const blockedText = blockers.length > 0 ? t('plan.cannotAdvance', { reasons: joinMessages(blockers.map((v) => violationText(t, v))) }) : null;
  const dirty = owner !== item.owner || instructor !== item.instructor;
  // What was typed into 责任人 / 党建指导员 is saved before the status moves (the move re-reads the item,
  // which used to drop unsaved text), then the move is made on the version that save returned.
  const advance = (to: PlanItemStatus) => run(async () => {
    let current = item;
    if (dirty) {
      await updatePlanItem(item, { owner: owner.trim(), instructor: instructor.trim() });
      current = usePlanningStore.getState().planItems.find((p) => p.id === item.id) ?? item;
    }
    await movePlanItem(current, to);
  });
  const zoom = () => {
    if (!view) return;
    const box = recommendationBbox(view, { enterprise_ids: item.enterpriseIds, geometry: item.geometry?.type === 'Polygon' ? item.geometry : undefined });
    if (box) requestView(box);
  };
  return (
    <Card size="small" className="plan-item" data-testid="plan-item" data-status={item.status} data-recommendation-id={item.recommendationId ?? ''}
      // The title has the card's whole width and wraps (the status light and kind used to sit beside it and cut it); the tags open the body.
      title={<span className="plan-item-title"><span className="status-dot" style={{ background: cssColor(PLAN_STATUS_COLORS[item.status]) }} /><a onClick={zoom} data-testid="plan-item-title">{item.title}</a></span>}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <Space size={0} wrap data-testid="plan-item-tags"><StatusLightTag light={statusLight(item.dueDate, item.status === 'formed', todayInChina())} /><Tag>{t(`recommend.kind.${item.kind}`)}</Tag></Space>
        <Steps size="small" current={step} items={STATUSES.map((s) => ({ title: t(`plan.status.${s}`) }))} />
        <Typography.Text type="secondary">{t('recommend.enterprises', { count: item.enterpriseIds.length })}{item.status === 'formed' ? ` · ${t('plan.formedNote')}` : ''}</Typography.Text>
        {item.status !== 'formed' ? <RecommendationDrift recommendationId={item.recommendationId} enterpriseIds={item.enterpriseIds} /> : null}
        <Space.Compact block>
          <Input size="small" addonBefore={t('plan.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="plan-item-owner" />
        </Space.Compact>
        <Input size="small" addonBefore={t('plan.instructor')} value={instructor} onChange={(e) => setInstructor(e.target.value)} data-testid="plan-item-instructor" />
        <Space wrap>
          <DatePicker size="small" placeholder={t('plan.dueDate')} value={item.dueDate ? dayjs(item.dueDate) : null}
            onChange={(d) => void run(() => updatePlanItem(item, { dueDate: d ? d.format('YYYY-MM-DD') : null }))} />
          {dirty ? <Button size="small" loading={busy} onClick={() => void run(() => updatePlanItem(item, { owner, instructor }))} data-testid="plan-item-apply">{t('plan.apply')}</Button> : null}
        </Space>
        {editingBy ? <Tag color="orange" data-testid="plan-item-editing-by">{t('staff.presence.editing', { name: editingBy.name })}</Tag> : null}
        {refusal ? <Typography.Text type="secondary" data-testid="refused" data-reason={refusal}>{refusal}</Typography.Text> : null}
        {blockedText && !refusal ? <Typography.Text type="danger" data-testid="plan-item-blocked">{blockedText}</Typography.Text> : null}
        <Space wrap style={refusal ? { display: 'none' } : undefined}>
          {step > 0 ? (
            <Button size="small" loading={busy} onClick={() => void run(() => movePlanItem(item, STATUSES[step - 1]))} data-testid="plan-item-back">
              {t('plan.back', { status: t(`plan.status.${STATUSES[step - 1]}`) })}
            </Button>
          ) : null}
          {step === 0 ? (
            <Button size="small" type="primary" loading={busy} disabled={blockers.length > 0} onClick={() => void advance('forming')} data-testid="plan-item-next">
              {t('plan.next', { status: t('plan.status.forming') })}
            </Button>
          ) : null}
          {step === 1 ? (
            // 已组建 creates an organization and changes the figures: say so and ask first.
            <Popconfirm
              title={t('plan.formConfirmTitle')}
              description={<div className="confirm-text" data-testid="plan-form-confirm">{t('plan.formConfirm', { count: item.enterpriseIds.length, kind: t(`recommend.kind.${item.kind}`) })}</div>}
              okText={t('plan.formConfirmOk')}
              cancelText={t('plan.cancel')}
              okButtonProps={{ 'data-testid': 'plan-form-ok' } as Record<`data-${string}`, string>}
              onConfirm={() => void advance('formed')}
              disabled={blockers.length > 0}
            >
              <Button size="small" type="primary" loading={busy} disabled={blockers.length > 0} data-testid="plan-item-next">
                {t('plan.next', { status: t('plan.status.formed') })}
              </Button>
            </Popconfirm>
          ) : null}
          {item.status !== 'formed' ? <Button size="small" onClick={() => startDraft(draftOf(item))} data-testid="plan-item-edit">{t('plan.edit')}</Button> : null}
          {item.status !== 'formed' ? (
            <Popconfirm title={t('plan.delete')} onConfirm={() => void run(() => deletePlanItem(item), t('plan.deleted'))}>
              <Button size="small" danger>{t('plan.delete')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}

export function PlanItemList() {
  const { t } = useTranslation();
  const items = usePlanningStore((s) => s.planItems);
  return (
    <List
      size="small"
      data-testid="plan-items"
      header={<Typography.Text strong>{t('plan.items', { count: items.length })}</Typography.Text>}
      locale={{ emptyText: t('plan.empty') }}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      renderItem={(item) => <List.Item><PlanItemCard key={`${item.id}:${item.version}`} item={item} /></List.Item>}
    />
  );
}
