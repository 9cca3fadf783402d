/**
 * CSV text → rows of cells (RFC 4180: quoted cells may hold delimiters, quotes and line breaks).
 * A hand-written scanner, several times faster than a general parser on large registers: a line
 * without a quote is split as it is. The delimiter is guessed like papaparse does (comma, tab, pipe,
 * semicolon); every line stays a row, empty lines included, so row numbers match the file.
 */
import Papa from 'papaparse';
import type { RowCells } from './row-cells';

const QUOTE = 34; // "
/** How much of the file the delimiter guess reads. */
const GUESS_CHARS = 64 * 1024;

function guessDelimiter(text: string): string {
  const sample = text.slice(0, GUESS_CHARS);
  if (!/[\t|;]/.test(sample)) return ',';
  return Papa.parse<string[]>(sample, { preview: 20 }).meta.delimiter || ',';
}

export function parseCsvRows(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = [];
  const scanner = new CsvScanner(text, delimiter);
  for (let row = scanner.next(); row !== null; row = scanner.next()) rows.push(row);
  return rows;
}

/** How many rows parseCsvRows gives, without keeping them (a line count where no cell is quoted). */
export function countCsvRows(text: string): number {
  if (text.length === 0) return 0;
  if (text.indexOf('"') >= 0) return parseCsvRows(text).length;
  const newline = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? '\r' : '\n';
  let count = 1;
  for (let at = text.indexOf(newline); at >= 0; at = text.indexOf(newline, at + 1)) count++;
  return count;
}

/**
 * The same rows one at a time, so that a caller can use each row while its text is still in the
 * processor's cache (and keep none of them): `next()` gives the next row, null after the last.
 */
export class CsvScanner {
  private pos = 0;
  private quote: number;
  private readonly newline: string;
  private trailingDone = false;
  private readonly pending: string[][] = [];

  constructor(private readonly text: string, private readonly delimiter = guessDelimiter(text)) {
    // Lone CR line ends (old Mac files) are treated as LF.
    this.newline = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? '\r' : '\n';
    this.quote = text.indexOf('"');
  }

  next(): string[] | null {
    if (this.pending.length > 0) return this.pending.shift() as string[];
    const { text, newline, delimiter } = this;
    const n = text.length;
    const pos = this.pos;
    if (pos < n) {
      const lineEnd = this.plainLineEnd();
      if (lineEnd >= 0) return text.slice(pos, lineEnd).split(delimiter);
      this.pos = parseQuotedRecord(text, pos, delimiter, newline, this.pending);
      return this.pending.shift() as string[];
    }
    // As in papaparse, a trailing line break leaves one empty row after it (unless an open quote swallowed it).
    if (!this.trailingDone) {
      this.trailingDone = true;
      if (n > 0 && pos === n && text.endsWith(newline)) return [''];
    }
    return null;
  }

  /** The same row as next() gives, into `row` (see RowCells); false after the last. */
  nextInto(row: RowCells): boolean {
    if (this.pending.length === 0 && this.pos < this.text.length && this.delimiter.length === 1) {
      const from = this.pos;
      const lineEnd = this.plainLineEnd();
      if (lineEnd >= 0) {
        row.setLine(this.text, from, lineEnd, this.delimiter.charCodeAt(0));
        return true;
      }
    }
    const cells = this.next();
    if (cells === null) return false;
    row.setStrings(cells, true);
    return true;
  }

  /** Where the line at `pos` ends (before any CR) when it holds no quote, moving past it; -1 when it holds one. */
  private plainLineEnd(): number {
    const { text, newline, pos } = this;
    let end = text.indexOf(newline, pos);
    if (end < 0) end = text.length;
    if (this.quote >= 0 && this.quote < pos) this.quote = text.indexOf('"', pos);
    if (this.quote >= 0 && this.quote <= end) return -1;
    this.pos = end + 1;
    return end > pos && newline === '\n' && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }
}

/** One record that holds a quote somewhere: a small state machine. Returns where the next record starts. */
function parseQuotedRecord(text: string, start: number, delimiter: string, newline: string, rows: string[][]): number {
  const n = text.length;
  const cells: string[] = [];
  let pos = start;
  const d = delimiter.charCodeAt(0);
  const nl = newline.charCodeAt(0);
  for (;;) {
    if (pos < n && text.charCodeAt(pos) === QUOTE) {
      // Quoted cell: up to the closing quote; "" is one quote.
      let cell = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          cell += text.slice(from);
          pos = n;
          break;
        }
        cell += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as papaparse does.
      let k = pos;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== nl) k++;
      let tail = text.slice(pos, k);
      if (tail.endsWith('\r') && newline === '\n') tail = tail.slice(0, -1);
      cells.push(cell + tail);
      pos = k;
    } else {
      let k = pos;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== nl) k++;
      let cell = text.slice(pos, k);
      if (k < n && text.charCodeAt(k) === nl && newline === '\n' && cell.endsWith('\r')) cell = cell.slice(0, -1);
      cells.push(cell);
      pos = k;
    }
    if (pos >= n) {
      rows.push(cells);
      return n + 1;
    }
    if (text.charCodeAt(pos) === d) {
      pos++;
      continue;
    }
    rows.push(cells);
    return pos + 1;
  }
}
