/** The headline figures of the loaded plan. */
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../core/model/report';
import type { RuleProfile } from '../core/model/types';
import { formatPercent } from './format';
import { HeaderTip } from './HeaderTip';

export function SummaryPanel({ summary, rules }: { summary: Summary; rules: RuleProfile }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  const pct = formatPercent;
  const items: [string, React.ReactNode, string][] = [
    ['coverage-rate', <HeaderTip label={t('summary.coverageRate')} tip={t('help.coverageRate')} />, pct(summary.coverage_rate)],
    ['own-org-rate', <HeaderTip label={t('summary.ownOrgRate')} tip={t('help.ownOrgRate')} />, pct(summary.own_org_rate)],
    ['enterprises', t('summary.enterprises'), num(summary.enterprises)],
    ['covered', t('summary.covered'), num(summary.covered)],
    ['work-covered', t('summary.workCovered'), num(summary.work_covered)],
    ['must-cover', <HeaderTip label={t('summary.mustCoverShort')} tip={t('help.mustCover', { employees: rules.mustCoverMinEmployees })} />, `${num(summary.must_cover_covered)} / ${num(summary.must_cover)}`],
    ['six-clears', <HeaderTip label={t('summary.sixClears')} tip={t('help.sixClears')} />, pct(summary.enterprises ? summary.six_clears_complete / summary.enterprises : 0)],
    ['listed', t('summary.listed'), num(summary.listed)],
  ];
  return (
    <Card size="small" data-testid="summary">
      <Row gutter={[8, 8]}>
        {items.map(([key, label, value]) => (
          <Col span={12} key={key} data-testid={`summary-${key}`}>
            <Statistic title={label} value={value} styles={{ content: { fontSize: 18 } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
