/**
 * Area names above the enterprise dots, drawn by deck.gl from the browser's local fonts (the glyph
 * atlas is built from the names themselves, so Chinese needs no glyph server).
 */
import { TextLayer } from '@deck.gl/layers';
import type { PlanView } from '../../core/model/plan-view';
import { LAYER_IDS } from './ids';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const LABEL_PX = 16;

type AreaLabel = PlanView['areaLabels'][number];
const districtLabels = new WeakMap<readonly AreaLabel[], AreaLabel[]>();

/** The same array while the labels are the same: new data would make the TextLayer lay out every name again. */
function districtLabelsOf(labels: readonly AreaLabel[]): AreaLabel[] {
  let out = districtLabels.get(labels);
  if (!out) districtLabels.set(labels, (out = labels.filter((l) => l.level === 'district')));
  return out;
}

export function createAreaLabelLayer(view: PlanView, visible: boolean, sizePx = LABEL_PX) {
  return new TextLayer({
    id: LAYER_IDS.labels,
    data: districtLabelsOf(view.areaLabels),
    visible,
    characterSet: 'auto',
    fontFamily: FONT,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    getText: (d: PlanView['areaLabels'][number]) => d.name,
    getPosition: (d: PlanView['areaLabels'][number]) => d.position,
    getSize: sizePx,
    updateTriggers: { getSize: sizePx },
    getColor: [31, 41, 51, 255],
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
  });
}
