/** i18next set-up: zh-CN by default, English on request; the choice is remembered. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { staffEn, staffZhCN } from './staff';
import { zhCN } from './zh-CN';
import { en } from './en';
import { rulesEn, rulesZhCN } from './rules';
import { scenariosEn, scenariosZhCN } from './scenarios';
import { plannerEn, plannerZhCN } from './planner';
import { meetingEn, meetingZhCN } from './meeting';
import { followupEn, followupZhCN } from './followup';
import { campaignColumnsEn, campaignColumnsZhCN, campaignEn, campaignZhCN } from './campaign';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'lianjian.language';

export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  const pick = fromUrl ?? stored;
  return pick === 'en' ? 'en' : 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, rules: rulesZhCN, scenarios: scenariosZhCN, planner: plannerZhCN } }, en: { translation: { ...en, rules: rulesEn, scenarios: scenariosEn, planner: plannerEn } } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

// Ant Design's date pickers format through dayjs: keep its locale with the interface's.
const syncDayjs = (language: string) => dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
syncDayjs(i18n.language ?? initialLanguage());
i18n.on('languageChanged', syncDayjs);

// The shared workspace's strings (src/ui/i18n/staff.ts) under `staff`.
i18n.addResourceBundle('zh-CN', 'translation', { staff: staffZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { staff: staffEn }, true, false);
// The follow-up loop's strings (src/ui/i18n/followup.ts) under `followup`.
i18n.addResourceBundle('zh-CN', 'translation', { followup: followupZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { followup: followupEn }, true, false);

// The campaign's working methods (src/ui/i18n/campaign.ts) under `campaign`, its columns under `columns`.
i18n.addResourceBundle('zh-CN', 'translation', { campaign: campaignZhCN, columns: campaignColumnsZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { campaign: campaignEn, columns: campaignColumnsEn }, true, false);
// The meeting room's strings (src/ui/i18n/meeting.ts) under `meeting`.
i18n.addResourceBundle('zh-CN', 'translation', { meeting: meetingZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { meeting: meetingEn }, true, false);

export { i18n };
