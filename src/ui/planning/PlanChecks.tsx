/** Live figures and rule checks of the plan item being edited, against the dataset's rule profile. */
import { Alert, Descriptions, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PlanItemCheck, PlanItemViolation } from '../../core/recommend/plan-item-check';
import { joinNames } from '../names';

/** A broken rule in words ("正式党员 2 名，少于 3 名"). */
export function violationText(t: TFunction, v: PlanItemViolation): string {
  return t(`plan.rule.${v.rule}`, { value: v.value, limit: v.limit, count: v.enterpriseIds?.length ?? 0 });
}

export function PlanChecks({ check }: { check: PlanItemCheck }) {
  const { t, i18n } = useTranslation();
  const { figures, violations } = check;
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div data-testid="plan-checks">
      <Descriptions size="small" column={2} bordered className="plan-figures">
        <Descriptions.Item label={t('plan.figures.units')}><span data-testid="check-units">{num(figures.units)}</span></Descriptions.Item>
        <Descriptions.Item label={t('plan.figures.formal')}><span data-testid="check-formal">{num(figures.formalMembers)}</span></Descriptions.Item>
        <Descriptions.Item label={t('plan.figures.members')}><span data-testid="check-members">{num(figures.members)}</span></Descriptions.Item>
        <Descriptions.Item label={t('plan.figures.mustCover')}><span data-testid="check-must-cover">{num(figures.mustCover)}</span></Descriptions.Item>
        <Descriptions.Item label={t('plan.figures.span')}>{`${num(Math.round(figures.spanM))} m`}</Descriptions.Item>
        <Descriptions.Item label={t('plan.figures.industries')}>{joinNames(figures.industries) || '—'}</Descriptions.Item>
      </Descriptions>
      {violations.length === 0 ? (
        <Alert type="success" showIcon title={t('plan.ok')} data-testid="check-ok" />
      ) : (
        <List
          size="small"
          data-testid="check-violations"
          dataSource={violations}
          renderItem={(v) => (
            <List.Item data-testid="check-violation" data-rule={v.rule}>
              <Alert type="error" showIcon style={{ width: '100%' }} title={violationText(t, v)} />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
