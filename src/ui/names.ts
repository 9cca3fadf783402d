/**
 * Names people read instead of codes: the dataset's display name in the UI language, an area's name
 * for its code, and export file names in the planner's words ("萧山区_工作清单_2026-12-01.xlsx").
 */
import type { TFunction } from 'i18next';
import type { PlanView } from '../core/model/plan-view';
import type { Recommendation } from '../core/model/report';
import { localDate } from './format';
import { i18n } from './i18n';
import { usePlanningStore } from '../state/planning';

// "临浦镇（合成示例数据，试点前）Linpu, synthetic, before the pilot": the Chinese part, then the English one.
const BILINGUAL = /^(.*[\u3000-\u9fff\uff00-\uffef])\s*([A-Za-z].*)$/;

/** Names in a list, as the UI language writes them ("临浦镇、义桥镇" / "Linpu, Yiqiao"). */
export const joinNames = (names: readonly string[]): string => names.join(i18n.t('names.separator'));

/** Messages in a list ("…；…" / "…; …"). */
export const joinMessages = (messages: readonly string[]): string => messages.join(i18n.t('names.semicolon'));

/** A text with a note in brackets, as the UI language writes them ("党员 12（已转入 3）" / "12 (3)"). */
export const withAside = (text: string, note: string): string => i18n.t('names.aside', { text, note });

/** The dataset name in the UI language (the demo datasets carry both, Chinese first). */
export function datasetDisplayName(name: string, locale: string): string {
  const m = BILINGUAL.exec(name.trim());
  if (!m) return name;
  return locale === 'en' ? m[2].trim() : m[1].trim();
}

/** The place a dataset covers, without the notes in brackets: "临浦镇", "Linpu". */
export function datasetPlace(name: string, locale: string): string {
  const shown = datasetDisplayName(name, locale);
  return (shown.split(/[（(,，]/)[0] ?? shown).trim() || shown;
}

const AREA_NAMES = new WeakMap<PlanView, Map<string, string>>();

/** An area's name for its code (the store keeps codes; a value that already is a name is kept). */
export function areaNameOf(view: PlanView, code: string): string {
  let names = AREA_NAMES.get(view);
  if (!names) AREA_NAMES.set(view, (names = new Map(view.areaList.map((a) => [a.id, a.name]))));
  return names.get(code) ?? code;
}

/** Characters no file system takes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** 范围_内容_日期.ext: the scope is the chosen area, else the dataset's place. */
export function exportFileName(view: PlanView, scope: string | null, what: string, ext: string, date: string = localDate()): string {
  const place = scope ?? datasetPlace(view.datasetName, i18n.language);
  return `${[place, what, date].map((p) => p.replace(UNSAFE, '').trim()).filter(Boolean).join('_')}.${ext}`;
}

/** The name of the area the filter is set to, or null for the whole dataset. */
export function currentScopeName(view: PlanView): string | null {
  const areaId = usePlanningStore.getState().filter.areaId;
  return areaId ? areaNameOf(view, areaId) : null;
}

const PLACE_NAMES = new WeakMap<PlanView, Map<string, string>>();

/** A building's or zone's name for its id. */
export function placeNameOf(view: PlanView, id: string): string | null {
  let names = PLACE_NAMES.get(view);
  if (!names) {
    names = new Map();
    for (const f of [...view.buildings.features, ...view.zones.features]) names.set(String(f.properties?.id), String(f.properties?.name ?? ''));
    PLACE_NAMES.set(view, names);
  }
  return names.get(id) || null;
}

const ENTERPRISE_NAMES = new WeakMap<PlanView, Map<string, string>>();

export function enterpriseNameOf(view: PlanView, id: string): string {
  let names = ENTERPRISE_NAMES.get(view);
  if (!names) ENTERPRISE_NAMES.set(view, (names = new Map(view.enterprises.map((e) => [e.id, e.name]))));
  return names.get(id) ?? id;
}

/**
 * A recommendation by the name the planning core gave it, in the UI language: unique within a plan
 * and stable with the recommendation ("临浦商贸城 第二联合党支部（建议）", "杭州安泰商务咨询有限公司
 * 党支部（建议）").
 */
export function recommendationName(rec: Pick<Recommendation, 'name' | 'name_en'>, locale: string = i18n.language): string {
  return locale === 'en' ? rec.name_en : rec.name;
}

// The core's names end in "（建议）" / " (proposed)"; a plan item is the organization itself.
const PROPOSED = /\s*(（建议）| \(proposed\))$/;

/** A plan item's title for the recommendation it is accepted from: its name without "（建议）". */
export function planItemTitle(rec: Pick<Recommendation, 'name' | 'name_en'>): string {
  return recommendationName(rec).replace(PROPOSED, '');
}

/** An operating status in the UI language (the register keeps the Chinese word). */
export function statusLabel(t: TFunction, status: string): string {
  return t(`statusName.${status}`, { defaultValue: status });
}
