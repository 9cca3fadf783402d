/** 导出演示文件（HTML）: the slides as one file that presents anywhere, offline. */
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { usePresentationStore, type SplitSetting } from '../../state/presentation';
import { scenarioSidesReady } from '../../state/split-sides';
import { CATEGORY_COLORS } from '../../map/layers/palette';
import { buildDeck } from './deck-data';
import { deckHtml } from './html-export';
import { deckInputTexts, deckTexts } from './deck-texts';
import { download } from '../download';

export function ExportDeckButton() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const slides = usePresentationStore((s) => s.slides);
  const view = useAppStore((s) => s.view);
  const exportDeck = async () => {
    if (!view) return;
    // Slides comparing two scenarios need each scenario's map, planned in the worker once per view.
    const rules = slides.flatMap((slide) => {
      const split = (slide.view as { split?: SplitSetting } | undefined)?.split;
      return split?.on && split.compare === 'scenarios' && split.scenarios ? split.scenarios.map((x) => x.rules) : [];
    });
    if (rules.length > 0) await scenarioSidesReady(view, rules);
    const date = dayjs().format('YYYY-MM-DD');
    const deck = buildDeck({
      view, slides, planItems: usePlanningStore.getState().planItems, colors: CATEGORY_COLORS, lang: i18n.language,
      texts: deckTexts(t, view, date, i18n.language), ...deckInputTexts(t, i18n.language),
    });
    const html = deckHtml(deck);
    download(html, `${t('meeting.export.file')}-${date}.html`, 'text/html;charset=utf-8');
    message.success(t('meeting.export.done', { size: `${(new Blob([html]).size / 1e6).toFixed(1)} MB` }));
  };
  return <Button block disabled={slides.length === 0 || !view} onClick={() => void exportDeck()} data-testid="deck-export">{t('meeting.export.button')}</Button>;
}
