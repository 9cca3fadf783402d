/** Opening the audience window, on the second screen where the browser says there is one. */
import { audienceUrl } from './meeting-channel';

export const AUDIENCE_WINDOW = 'lianjian-audience';

export function datasetParam(): string {
  return new URLSearchParams(window.location.search).get('dataset') ?? 'hangzhou';
}

interface ScreenDetailed { availLeft: number; availTop: number; availWidth: number; availHeight: number; isPrimary?: boolean }
interface ScreenDetails { screens: ScreenDetailed[]; currentScreen: ScreenDetailed }

/** true / false where the browser tells (Chromium's screen.isExtended), null where it does not. */
export function secondScreen(): boolean | null {
  const extended = (window.screen as Screen & { isExtended?: boolean }).isExtended;
  return typeof extended === 'boolean' ? extended : null;
}

let audience: Window | null = null;

export function audienceWindow(): Window | null {
  return audience && !audience.closed ? audience : null;
}

/**
 * Opens (or brings back) the audience window. On an extended desktop it asks for the screens
 * (Window Management API, a permission prompt) and places the window on the one this page is not on;
 * otherwise it opens where the browser puts it, to be dragged onto the projector. Returns null when a
 * popup blocker refused it.
 */
export async function openAudienceWindow(): Promise<Window | null> {
  const open = audienceWindow();
  if (open) {
    open.focus();
    return open;
  }
  // A projector is usually 1080p: open at this screen's size until the window is moved and made full screen.
  let features = `popup,width=${window.screen.availWidth || 1920},height=${window.screen.availHeight || 1080}`;
  const getScreenDetails = (window as Window & { getScreenDetails?: () => Promise<ScreenDetails> }).getScreenDetails;
  if (secondScreen() && getScreenDetails) {
    try {
      const details = await getScreenDetails.call(window);
      const other = details.screens.find((s) => s !== details.currentScreen);
      if (other) features = `popup,left=${other.availLeft},top=${other.availTop},width=${other.availWidth},height=${other.availHeight}`;
    } catch {
      // permission refused: open it where the browser likes
    }
  }
  audience = window.open(audienceUrl(window.location.href), AUDIENCE_WINDOW, features);
  return audience;
}

export function closeAudienceWindow(): void {
  audienceWindow()?.close();
  audience = null;
}
