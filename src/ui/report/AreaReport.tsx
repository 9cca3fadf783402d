/**
 * A printable report of the current scope (a district, a street, or all): the map image, the key
 * figures, the ranked area table and the recommendations, laid out for A4 or A3 landscape.
 */
import type { TFunction } from 'i18next';
import type { AreaRow, Recommendation, Summary } from '../../core/model/report';
import { formatPercent } from '../format';

export interface AreaReportProps {
  t: TFunction;
  locale: string;
  areaName: string;
  /** The dataset's display name, under the title. */
  datasetName: string;
  /** Recommendations by name, as a planner says them. */
  nameOf: (rec: Recommendation) => string;
  mapUrl: string;
  summary: Summary;
  rows: AreaRow[];
  recommendations: Recommendation[];
}

export const REPORT_RECOMMENDATIONS = 30;

export function AreaReport({ t, locale, areaName, datasetName, nameOf, mapUrl, summary, rows, recommendations }: AreaReportProps) {
  const pct = formatPercent;
  const num = (n: number) => n.toLocaleString(locale);
  const figures: [string, string][] = [
    [t('summary.coverageRate'), pct(summary.coverage_rate)], [t('summary.ownOrgRate'), pct(summary.own_org_rate)],
    [t('summary.enterprises'), num(summary.enterprises)], [t('summary.covered'), num(summary.covered)],
    [t('summary.workCovered'), num(summary.work_covered)], [t('summary.mustCover'), `${num(summary.must_cover_covered)} / ${num(summary.must_cover)}`],
    [t('summary.sixClears'), pct(summary.enterprises ? summary.six_clears_complete / summary.enterprises : 0)],
  ];
  return (
    <div className="area-report" data-testid="area-report">
      <section className="print-page">
        <h1>{t('report.title', { area: areaName })}</h1>
        <p>{datasetName} · {t('report.generated', { date: new Date().toLocaleDateString(locale) })}</p>
        <div className="report-first">
          <img src={mapUrl} alt={t('report.map')} className="report-map" />
          <table className="report-figures">
            <caption>{t('report.figures')}</caption>
            <tbody>{figures.map(([label, value]) => <tr key={label}><th>{label}</th><td>{value}</td></tr>)}</tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{t('report.ranking')}</h2>
        <table>
          <thead><tr><th>{t('overview.rank')}</th><th>{t('overview.area')}</th><th>{t('overview.rate')}</th><th>{t('overview.ownRate')}</th><th>{t('overview.enterprises')}</th><th>{t('overview.mustCover')}</th></tr></thead>
          <tbody>
            {rows.map((r, k) => (
              <tr key={r.id}><td>{k + 1}</td><td>{r.name}</td><td>{pct(r.coverage_rate)}</td><td>{pct(r.own_org_rate)}</td><td>{num(r.enterprises)}</td><td>{num(r.must_cover_covered)} / {num(r.must_cover)}</td></tr>
            ))}
          </tbody>
        </table>
        <h2>{t('report.recommendations', { count: Math.min(REPORT_RECOMMENDATIONS, recommendations.length) })}</h2>
        <table>
          <thead><tr><th>{t('report.recName')}</th><th>{t('plan.kind')}</th><th>{t('plan.figures.units')}</th><th>{t('plan.figures.formal')}</th><th>{t('plan.figures.members')}</th><th>{t('report.reason')}</th></tr></thead>
          <tbody>
            {recommendations.slice(0, REPORT_RECOMMENDATIONS).map((r) => (
              <tr key={r.id} data-testid="report-recommendation"><td>{nameOf(r)}</td><td>{t(`recommend.kind.${r.kind}`)}</td><td>{r.enterprise_ids.length}</td><td>{r.formal_members}</td><td>{r.members}</td><td>{(locale === 'en' ? r.reasons_en : r.reasons)[0]}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
