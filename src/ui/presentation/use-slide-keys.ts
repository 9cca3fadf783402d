/** The presentation keys: →, ↓, Page Down, Space forward; ←, ↑, Page Up back (what clickers send); Esc ends. */
import { useEffect } from 'react';

export const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' '];
export const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp'];

export function useSlideKeys(active: boolean, step: (by: number) => void, stop: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return stop();
      // Keys typed into a text field stay there; a clicked switch (a radio input) keeps the keys working.
      if (isTextEntry(e.target)) return;
      if (NEXT_KEYS.includes(e.key)) { e.preventDefault(); step(1); }
      else if (PREVIOUS_KEYS.includes(e.key)) { e.preventDefault(); step(-1); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, step, stop]);
}

const CHOICE_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color']);

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !CHOICE_INPUTS.has(target.type);
}
