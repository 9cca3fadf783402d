/** The names of the side-by-side view's sides (the view's labels, the HTML presentation's). */
import type { SplitSetting } from '../../state/presentation';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A scenario of the 方案比较 panel by name: the rules in force, or a preset. */
export function scenarioLabelKey(key: string): string {
  return key === 'current' ? 'scenarios.current' : `scenarios.presets.${key}`;
}

export function sideTitle(t: T, split: SplitSetting, which: 'left' | 'right'): string {
  const k = which === 'left' ? 0 : 1;
  if (split.compare === 'scenarios' && split.scenarios) return t(scenarioLabelKey(split.scenarios[k].key));
  if (split.compare === 'snapshots') {
    const date = split.dates?.[k];
    return date ? t('meeting.split.snapshotLabel', { date }) : t('meeting.split.noDate');
  }
  return t(`meeting.sides.${split[which]}`);
}

