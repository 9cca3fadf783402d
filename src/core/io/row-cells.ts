/**
 * One row's cells as the enterprise parser reads them: either strings (a spreadsheet's row, a CSV
 * record with quotes) or, for a plain CSV line, where each cell lies in the file's text. A plain
 * line is the usual case, and reading its numbers and yes/no cells straight from the text leaves
 * most cells of a large register without a string of their own (less to allocate, less to collect).
 * Either way a cell reads the same: our exports' formula escape taken off, then trimmed.
 */
import { plainDecimal } from './decimal';
import { FORMULA_START } from './csv-writer';

const APOSTROPHE = 39;

/** What String.prototype.trim takes off (ECMAScript white space and line terminators). */
function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `text` holds our exports' formula escape at `at`: an apostrophe before formula-looking text (see csv-writer). */
function isEscapedFormula(text: string, at: number): boolean {
  return text.charCodeAt(at) === APOSTROPHE && FORMULA_START.test(text.charAt(at + 1));
}

/** A cell as text, with our exports' formula escape taken off. */
export function cleanCell(c: unknown): string {
  if (c == null) return '';
  const text = typeof c === 'string' ? c : String(c);
  return isEscapedFormula(text, 0) ? text.slice(1) : text;
}

export class RowCells {
  /** How many cells the row has. */
  length = 0;
  /** Every cell is blank. */
  blank = true;
  /** The strings of the current row (strings mode), and the buffer a caller's row is copied into. */
  private current: string[] = [];
  private readonly copy: string[] = [];
  private ranged = false;
  private text = '';
  // Per cell of a line: where it starts and ends after the escape (raw), and after trimming.
  private rawStart = new Int32Array(64);
  private rawEnd = new Int32Array(64);
  private start = new Int32Array(64);
  private end = new Int32Array(64);

  /** The row as strings: the parser's own rows (`owned`) are cleaned in place, a caller's are copied. */
  setStrings(row: readonly unknown[], owned: boolean): void {
    this.ranged = false;
    const cells = owned ? (row as string[]) : this.copy;
    cells.length = row.length;
    let blank = true;
    for (let k = 0; k < row.length; k++) {
      const c = cleanCell(row[k]);
      cells[k] = c;
      if (blank && c.trim() !== '') blank = false;
    }
    this.current = cells;
    this.length = row.length;
    this.blank = blank;
  }

  /** The cells of `text[from, to)`, split at `delimiter` (one UTF-16 unit) as String.split would. */
  setLine(text: string, from: number, to: number, delimiter: number): void {
    this.ranged = true;
    this.text = text;
    let k = 0;
    let cellStart = from;
    for (let i = from; i <= to; i++) {
      if (i < to && text.charCodeAt(i) !== delimiter) continue;
      if (k === this.rawStart.length) this.grow();
      this.rawStart[k] = cellStart;
      this.rawEnd[k] = i;
      k++;
      cellStart = i + 1;
    }
    let blank = true;
    for (let c = 0; c < k; c++) {
      let s = this.rawStart[c];
      const e = this.rawEnd[c];
      if (e - s >= 2 && isEscapedFormula(text, s)) this.rawStart[c] = ++s;
      let t = e;
      while (s < t && isTrimmedSpace(text.charCodeAt(s))) s++;
      while (t > s && isTrimmedSpace(text.charCodeAt(t - 1))) t--;
      this.start[c] = s;
      this.end[c] = t;
      if (s < t) blank = false;
    }
    this.length = k;
    this.blank = blank;
  }

  private grow(): void {
    const size = this.rawStart.length * 2;
    for (const key of ['rawStart', 'rawEnd', 'start', 'end'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }

  /** Cell `k` trimmed; undefined when the row has no such cell. */
  str(k: number): string | undefined {
    if (k < 0 || k >= this.length) return undefined;
    if (!this.ranged) return this.current[k].trim();
    const s = this.start[k];
    const e = this.end[k];
    return s === e ? '' : this.text.slice(s, e);
  }

  /** Cell `k` as it is (escape taken off, not trimmed). */
  raw(k: number): string {
    if (!this.ranged) return this.current[k];
    return this.text.slice(this.rawStart[k], this.rawEnd[k]);
  }

  /** Cell `k` as a plain decimal read from the text (see decimal.ts); undefined when it is not one or not a line's cell. */
  plainNumber(k: number): number | undefined {
    if (!this.ranged || k < 0 || k >= this.length) return undefined;
    return plainDecimal(this.text, this.start[k], this.end[k]);
  }

  /** The one character of cell `k` (trimmed), or -1 when it is blank, longer or absent. */
  singleChar(k: number): number {
    if (k < 0 || k >= this.length) return -1;
    if (!this.ranged) {
      const c = this.current[k].trim();
      return c.length === 1 ? c.charCodeAt(0) : -1;
    }
    return this.end[k] - this.start[k] === 1 ? this.text.charCodeAt(this.start[k]) : -1;
  }
}
