/** The translated texts a deck carries (the player shows them as they are; it has no i18n of its own). */
import type { TFunction } from 'i18next';
import type { PlanView } from '../../core/model/plan-view';
import type { SideKind } from '../../state/presentation';
import type { DeckInput, DeckTexts } from './deck-data';
import { datasetDisplayName } from '../names';
import { sideTitle } from '../../map/split/titles';

const LEGEND_KEYS = ['legend.ownOrg', 'legend.jointOrg', 'legend.workOnly', 'legend.uncoveredMust', 'legend.uncoveredOther'] as const;

export function deckTexts(t: TFunction, view: PlanView, date: string, language: string): DeckTexts {
  return {
    title: view.notice ? datasetDisplayName(view.notice, language) : view.datasetName,
    snapshot: t('meeting.export.snapshot', { date }),
    legendTitle: t('legend.title'),
    categories: LEGEND_KEYS.map((k) => t(k)),
    rateTitle: t('summary.coverageRate'),
    changed: t('meeting.changedLegend'),
    keys: t('meeting.export.keys'),
    counter: t('meeting.export.counter'),
    synthetic: view.synthetic ? t('app.synthetic') : null,
  };
}

export function deckInputTexts(t: TFunction, language: string): Pick<DeckInput, 'sideLabel' | 'splitLabel' | 'figureLabels' | 'forecastText' | 'formatNumber'> {
  return {
    sideLabel: (kind: SideKind) => t(`meeting.sides.${kind}`),
    splitLabel: (split, which) => sideTitle((key, options) => t(key, options), split, which),
    figureLabels: { rate: t('slides.rateNow'), sideRate: t('meeting.rate'), rateAfter: t('slides.rateAfter'), enterprises: t('summary.enterprises'), covered: t('summary.covered'), mustCover: t('summary.mustCover') },
    forecastText: t('slides.afterBadge'),
    formatNumber: (n: number) => n.toLocaleString(language),
  };
}
