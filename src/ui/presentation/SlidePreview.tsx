/** A slide's map, small, painted by the deck player (the presenter's "next slide"). */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slide } from '../../core/model/records';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { buildDeck } from './deck-data';
import { deckPlayer } from './deck-player';
import { deckTexts, deckInputTexts } from './deck-texts';
import { CATEGORY_COLORS } from '../../map/layers/palette';
import { useCoveragePalette } from './PaletteSwitch';
import { useSideSources } from '../../map/split/sides';
import { requestScenarioSides } from '../../state/split-sides';
import type { SplitSetting } from '../../state/presentation';

const player = deckPlayer();

export function SlidePreview({ slide, width, height }: { slide: Slide; width: number; height: number }) {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const planItems = usePlanningStore((s) => s.planItems);
  const palette = useCoveragePalette();
  const canvas = useRef<HTMLCanvasElement>(null);
  // A slide comparing two scenarios: their maps are planned in the worker; the preview follows when they come.
  const sideSources = useSideSources();
  const split = (slide.view as { split?: SplitSetting } | undefined)?.split;
  const scenarios = split?.on && split.compare === 'scenarios' ? split.scenarios : undefined;
  useEffect(() => {
    if (view && scenarios) requestScenarioSides(view, scenarios.map((x) => x.rules));
  }, [view, scenarios]);
  const deck = useMemo(
    () => (view ? buildDeck({ view, slides: [slide], planItems, colors: CATEGORY_COLORS, lang: i18n.language, texts: deckTexts(t, view, '', i18n.language), ...deckInputTexts(t, i18n.language) }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, slide, planItems, palette, i18n.language, sideSources],
  );
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !deck) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = width * dpr;
    c.height = height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const sides = deck.slides[0].sides.length;
    for (let side = 0; side < sides; side++) player.drawMap(ctx, deck, 0, side, (side * width) / sides, 0, width / sides, height);
  }, [deck, width, height]);
  return <canvas ref={canvas} style={{ width, height }} data-testid="slide-preview" />;
}
