/**
 * "Have I seen this key, and in which row?" for a register's ids and credit codes, which are short
 * strings of digits and capital letters. A Map of 100k such strings cost ≈ 65 ms of a 360 ms parse
 * (each key a slice of the file's text, hashed and compared as a string); here a key of up to 20
 * such characters is read as two exact integers (base 37, 10 characters each, < 2^53) and kept in an
 * open-addressing table of typed arrays. Any other key (lower case, a dash, Chinese, longer) goes
 * to a Map, with the same answers.
 */
const CHARS_PER_HALF = 10;
const BASE = 37;
/** 0: end of key; 1–10 digits; 11–36 A–Z. */
const SYMBOL = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) SYMBOL[c] = c - 47;
for (let c = 65; c <= 90; c++) SYMBOL[c] = c - 54;

export class ShortKeyIndex {
  private high = new Float64Array(1024);
  private low = new Float64Array(1024);
  /** The value kept for a slot, plus one (0: empty). */
  private values = new Int32Array(1024);
  private used = 0;
  private readonly others = new Map<string, number>();

  /** The value kept for `key`; otherwise keeps `value` for it and returns -1. Values are ≥ 0. */
  firstOrAdd(key: string, value: number): number {
    const n = key.length;
    if (n === 0 || n > 2 * CHARS_PER_HALF) return this.other(key, value);
    let high = 0;
    let low = 0;
    for (let i = 0; i < 2 * CHARS_PER_HALF; i++) {
      let s = 0;
      if (i < n) {
        const c = key.charCodeAt(i);
        s = c < 128 ? SYMBOL[c] : -1;
        if (s < 0) return this.other(key, value);
      }
      if (i < CHARS_PER_HALF) high = high * BASE + s;
      else low = low * BASE + s;
    }
    if (2 * (this.used + 1) > this.values.length) this.grow();
    const mask = this.values.length - 1;
    for (let slot = slotOf(high, low, mask); ; slot = (slot + 1) & mask) {
      const kept = this.values[slot];
      if (kept === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.values[slot] = value + 1;
        this.used++;
        return -1;
      }
      if (this.high[slot] === high && this.low[slot] === low) return kept - 1;
    }
  }

  private other(key: string, value: number): number {
    const kept = this.others.get(key);
    if (kept !== undefined) return kept;
    this.others.set(key, value);
    return -1;
  }

  private grow(): void {
    const { high, low, values } = this;
    const size = values.length * 2;
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.values = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < values.length; k++) {
      if (values[k] === 0) continue;
      let slot = slotOf(high[k], low[k], mask);
      while (this.values[slot] !== 0) slot = (slot + 1) & mask;
      this.high[slot] = high[k];
      this.low[slot] = low[k];
      this.values[slot] = values[k];
    }
  }
}

function slotOf(high: number, low: number, mask: number): number {
  // Both halves' low 31 bits and their top bits, mixed (Murmur3's finaliser).
  let h = Math.imul((high % 0x7fffffff) | 0, 0x9e3779b1) ^ ((high / 0x7fffffff) | 0);
  h = Math.imul(h ^ ((low % 0x7fffffff) | 0), 0x85ebca6b) ^ ((low / 0x7fffffff) | 0);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}
