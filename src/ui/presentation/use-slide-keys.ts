/** The presentation keys: →, ↓, Page Down, Space forward; ←, ↑, Page Up back (what clickers send); Esc ends. */
import { useEffect } from 'react';

export const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' '];
export const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp'];

export function useSlideKeys(active: boolean, step: (by: number) => void, stop: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (NEXT_KEYS.includes(e.key)) { e.preventDefault(); step(1); }
      else if (PREVIOUS_KEYS.includes(e.key)) { e.preventDefault(); step(-1); }
      else if (e.key === 'Escape') stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, step, stop]);
}
