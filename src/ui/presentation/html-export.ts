/**
 * The slides as one self-contained HTML file (like kepler.gl's HTML export): the deck's data as JSON
 * and the Canvas 2D player (deck-player.ts) as an inline script. It opens from a USB stick with no
 * network and no server (a Content-Security-Policy forbids every request), needs no fonts beyond the
 * system's CJK ones, and says on every slide that it is a snapshot of a date.
 */
import type { DeckData } from './deck-data';
import { deckPlayer } from './deck-player';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot end the script element it sits in (`</script>`, `<!--`) and survives U+2028/2029. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function deckHtml(deck: DeckData): string {
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(deck.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="generator" content="LianJian 联建">',
    `<title>${escapeHtml(`${deck.texts.title} · ${deck.texts.snapshot}`)}</title>`,
    '<style>html,body{margin:0;height:100%;overflow:hidden;background:#fff}</style>',
    '</head>',
    '<body>',
    `<script id="deck" type="application/json">${scriptSafeJson(deck)}</script>`,
    `<script>(function(){var deckPlayer=${deckPlayer.toString()};deckPlayer().play(JSON.parse(document.getElementById('deck').textContent),document);})();</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
