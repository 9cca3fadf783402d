/** 覆盖配色: the standard colours or the high-contrast, colour-blind-safe ones, for every map and legend. */
import { useSyncExternalStore } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { coveragePalette, setCoveragePalette, subscribePalette, type CoveragePaletteName } from '../../map/layers/palette';

export function useCoveragePalette(): CoveragePaletteName {
  return useSyncExternalStore(subscribePalette, coveragePalette);
}

export function PaletteSwitch() {
  const { t } = useTranslation();
  const palette = useCoveragePalette();
  return (
    <Segmented
      size="small"
      value={palette}
      data-testid="palette-switch"
      options={[{ value: 'standard', label: t('meeting.palette.standard') }, { value: 'contrast', label: t('meeting.palette.contrast') }]}
      onChange={(v) => {
        setCoveragePalette(v as CoveragePaletteName);
        // The maps and the legend redraw on a new layers object.
        useAppStore.setState((s) => ({ layers: { ...s.layers } }));
      }}
    />
  );
}
