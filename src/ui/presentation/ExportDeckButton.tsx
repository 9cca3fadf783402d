/** 导出演示文件（HTML）: the slides as one file that presents anywhere, offline. */
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { usePresentationStore } from '../../state/presentation';
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
  const exportDeck = () => {
    if (!view) return;
    const date = dayjs().format('YYYY-MM-DD');
    const deck = buildDeck({
      view, slides, planItems: usePlanningStore.getState().planItems, colors: CATEGORY_COLORS, lang: i18n.language,
      texts: deckTexts(t, view, date, i18n.language), ...deckInputTexts(t, i18n.language),
    });
    const html = deckHtml(deck);
    download(html, `${t('meeting.export.file')}-${date}.html`, 'text/html;charset=utf-8');
    message.success(t('meeting.export.done', { size: `${(new Blob([html]).size / 1e6).toFixed(1)} MB` }));
  };
  return <Button block disabled={slides.length === 0 || !view} onClick={exportDeck} data-testid="deck-export">{t('meeting.export.button')}</Button>;
}
