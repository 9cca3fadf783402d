/** The words of every export in the UI language, and area / recommendation / enterprise names for codes. */
import type { TFunction } from 'i18next';
import type { PlanView } from '../core/model/plan-view';
import { CHINESE_TEXT, type ExportText } from '../core/io/exports';
import { areaNameOf, enterpriseNameOf, recommendationName } from './names';

export function exportText(t: TFunction, view: PlanView, locale: string): ExportText {
  const headers = Object.fromEntries(Object.keys(CHINESE_TEXT.headers).map((key) => [key, t(`exportHeaders.${key}`, { defaultValue: t(`columns.${key}`, { defaultValue: CHINESE_TEXT.headers[key] }) })]));
  return {
    headers,
    sheets: Object.fromEntries(Object.keys(CHINESE_TEXT.sheets).map((key) => [key, t(`exportSheets.${key}`)])),
    yes: t('detail.yes'),
    no: t('detail.no'),
    notPlanned: t('worklist.unplanned'),
    levels: { district: t('overview.districts'), street: t('overview.streets') },
    figures: Object.fromEntries(Object.keys(CHINESE_TEXT.figures).map((key) => [key, t(`exportFigures.${key}`)])),
    areaName: (code) => areaNameOf(view, code),
    recommendationName: (rec) => recommendationName(rec, locale),
    kindLabel: (kind) => t(`recommend.kind.${kind}`),
    levelLabel: (level) => t(`recommend.level.${level}`),
    enterpriseName: (id) => enterpriseNameOf(view, id),
    reasons: (rec) => (locale === 'en' ? rec.reasons_en : rec.reasons),
    transferStatus: { pending: t('campaign.transferStatus.pending'), in_progress: t('campaign.transferStatus.in_progress'), done: t('campaign.transferStatus.done') },
  };
}
