/** The headline figures of the loaded plan. */
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../core/model/report';

export function SummaryPanel({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  const pct = (r: number) => `${(r * 100).toFixed(2)}%`;
  const items: [string, string][] = [
    [t('summary.coverageRate'), pct(summary.coverage_rate)],
    [t('summary.ownOrgRate'), pct(summary.own_org_rate)],
    [t('summary.enterprises'), num(summary.enterprises)],
    [t('summary.covered'), num(summary.covered)],
    [t('summary.workCovered'), num(summary.work_covered)],
    [t('summary.mustCover'), `${num(summary.must_cover_covered)} / ${num(summary.must_cover)}`],
    [t('summary.sixClears'), pct(summary.enterprises ? summary.six_clears_complete / summary.enterprises : 0)],
    [t('summary.listed'), num(summary.listed)],
  ];
  return (
    <Card size="small" data-testid="summary">
      <Row gutter={[8, 8]}>
        {items.map(([label, value]) => (
          <Col span={12} key={label}>
            <Statistic title={label} value={value} styles={{ content: { fontSize: 18 } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
