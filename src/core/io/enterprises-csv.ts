/**
 * enterprises.csv → Enterprise rows and row-level problems. Every row is kept: a bad value becomes
 * null (or stays as text) and a problem names the row, the column and the raw value.
 */
import type { Crs, Enterprise } from '../model/types';
import { isKnownStatus } from '../model/scope';
import { isInChina } from '../spatial/geo';
import { checkCreditCode } from './credit-code';
import { ShortKeyIndex } from '../util/short-key-index';
import { ALL_ENTERPRISE_COLUMNS, CAMPAIGN_COLUMNS, CHINESE_HEADERS, ENTERPRISE_COLUMNS, recogniseHeader, type EnterpriseColumn } from './columns';
import { normalizeElsewherePlaces, parseTransferStatus } from '../campaign/members';
import { toWgs84 } from './coordinates';
import { CsvScanner, countCsvRows } from './csv-reader';
import { readDecimal } from './decimal';
import { RowCells } from './row-cells';
import { problem, type Problem } from './problems';

export interface EnterpriseParseResult {
  enterprises: Enterprise[];
  problems: Problem[];
  /** Spreadsheet row number of the header. */
  headerRow: number;
  /** Header cells no contract column was recognised for (kept in `extra`). */
  unmappedHeaders: string[];
}

export interface EnterpriseParseOptions {
  file?: string;
  crs?: Crs;
  /** Explicit header → column choices from a mapping step; they win over recognition. */
  mapping?: Record<string, EnterpriseColumn | null>;
  /** Called every few thousand rows with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 5000;
/** Distinct values per column that the parser keeps one copy of (districts, streets, statuses, industries, organizations). */
const SHARED_VALUES_LIMIT = 4096;

const HEADER_SEARCH_ROWS = 20;
const TRUE = new Set(['是', 'true', '1', 'y', 'yes', '有', 't']);
const FALSE = new Set(['否', 'false', '0', 'n', 'no', '无', 'f', '']);
/** The one-character spellings of TRUE and FALSE, by character code, upper case included (as lower-casing would read them). */
const ONE_CHAR_BOOLEANS = new Map<number, boolean>(
  [...TRUE, ...FALSE].filter((v) => v.length === 1).flatMap((v) => {
    const value = TRUE.has(v);
    const upper = v.toUpperCase();
    return upper !== v && upper.length === 1 && !TRUE.has(upper) && !FALSE.has(upper) ? [[v.charCodeAt(0), value], [upper.charCodeAt(0), value]] : [[v.charCodeAt(0), value]];
  }),
);
/** The extra cells of a row without any: one shared, frozen object instead of one per row. */
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Rows by number, read forwards: a spreadsheet's rows, or a CSV text split as it is read (the
 * header search looks at the first rows again, then every row is asked for once, in order).
 */
interface RowSource {
  /** Row `r` as strings, or undefined past the last (for the header search). */
  row(r: number): string[] | undefined;
  /** Row `r` into `cells`; false past the last. */
  load(r: number, cells: RowCells): boolean;
  /** How many rows there are (counted only when asked, for progress). */
  count(): number;
}

function arraySource(rows: string[][]): RowSource {
  return {
    row: (r) => rows[r],
    load(r, cells) {
      if (r >= rows.length) return false;
      cells.setStrings(rows[r], false);
      return true;
    },
    count: () => rows.length,
  };
}

function csvSource(text: string): RowSource {
  const scanner = new CsvScanner(text);
  // The header search's rows are kept; after them each row is read once, in order.
  const first: string[][] = [];
  let read = 0;
  let current: string[] | undefined;
  let done = false;
  let counted = -1;
  return {
    load(r, cells) {
      if (r < first.length) {
        cells.setStrings(first[r], true);
        return true;
      }
      // Rows are asked for in order; any skipped ones are read past.
      while (read < r && !done) if (this.row(read) === undefined) break;
      if (done || !scanner.nextInto(cells)) {
        done = true;
        return false;
      }
      read++;
      return true;
    },
    row(r) {
      if (r < first.length) return first[r];
      while (read <= r && !done) {
        const next = scanner.next();
        if (next === null) {
          done = true;
          current = undefined;
          break;
        }
        current = next;
        if (read < HEADER_SEARCH_ROWS) first.push(next);
        read++;
      }
      return r === read - 1 ? current : undefined;
    },
    count() {
      if (counted < 0) counted = countCsvRows(text);
      return counted;
    },
  };
}

function findHeader(rows: RowSource, mapping: Record<string, EnterpriseColumn | null> | undefined): number {
  let best = -1;
  let bestHits = 0;
  for (let r = 0; r < HEADER_SEARCH_ROWS; r++) {
    const cells = rows.row(r);
    if (cells === undefined) break;
    const hits = cells.map((c) => String(c ?? '').trim()).filter((c) => (mapping && c in mapping ? mapping[c] : recogniseHeader(c)) !== null).length;
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  return bestHits >= 2 ? best : -1;
}

export function parseEnterprisesCsv(text: string, options: EnterpriseParseOptions = {}): EnterpriseParseResult {
  return parseRows(csvSource(text.replace(/^\uFEFF/, '')), options);
}

type Note = (column: string, value: unknown, code: Problem['code'], severity: Problem['severity'], zh: string, en: string) => void;

/** The typed readers of cell `k` of the current row (trimmed; blank or absent reads as null). */
function cellReaders(cells: RowCells, note: Note) {
  /** The cell's number (NaN when it is not one), null when blank: a plain decimal straight from the text, else as Number reads it (thousands separators allowed). */
  const numberIn = (k: number): number | null => {
    const plain = cells.plainNumber(k);
    if (plain !== undefined) return plain;
    const v = cells.str(k) ?? '';
    if (v === '') return null;
    return readDecimal(v.includes(',') ? v.replace(/,/g, '') : v);
  };
  const int = (column: EnterpriseColumn, k: number): number | null => {
    const n = numberIn(k);
    if (n === null) return null;
    if (!Number.isFinite(n) || !Number.isInteger(n)) {
      note(column, cells.str(k), 'not_a_number', 'warning', `${column} 不是整数`, `${column} is not a whole number`);
      return null;
    }
    if (n < 0) {
      note(column, cells.str(k), 'negative_count', 'warning', `${column} 为负数`, `${column} is negative`);
      return null;
    }
    return n;
  };
  const num = (column: EnterpriseColumn, k: number): number | null => {
    const n = numberIn(k);
    if (n === null) return null;
    if (!Number.isFinite(n)) {
      note(column, cells.str(k), 'not_a_number', 'warning', `${column} 不是数字`, `${column} is not a number`);
      return null;
    }
    if (n < 0 && column === 'registered_capital') {
      note(column, cells.str(k), 'negative_count', 'warning', `${column} 为负数`, `${column} is negative`);
      return null;
    }
    return n;
  };
  const bool = (column: EnterpriseColumn, k: number): boolean | null => {
    const oneChar = ONE_CHAR_BOOLEANS.get(cells.singleChar(k));
    if (oneChar !== undefined) return oneChar;
    const text = cells.str(k);
    if (text === undefined || text === '') return null;
    // The usual spellings (是 / 否 …) match as they are; lower-casing (slow on Chinese text) only for the rest.
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    const v = text.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    note(column, text, 'bad_boolean', 'warning', `${column} 应为 是/否`, `${column} should be yes/no`);
    return null;
  };
  /** A date as YYYY-MM-DD (also 2011/6/30, 2011.6.30, 2011年6月30日, an Excel serial day); null when blank or not a date. */
  const date = (column: EnterpriseColumn, k: number): string | null => {
    const v = cells.str(k) ?? '';
    if (v === '') return null;
    const iso = readDate(v);
    if (iso === null) note(column, v, 'bad_value', 'warning', `${CHINESE_HEADERS[column]}不是有效日期（应为 年-月-日）`, `${column} is not a valid date (YYYY-MM-DD)`);
    return iso;
  };
  return { int, num, bool, date };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

function readDate(text: string): string | null {
  let y: number, m: number, d: number;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(text);
  if (parts) [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  else if (/^\d{5}$/.test(text)) {
    const t = new Date(EXCEL_EPOCH_MS + Number(text) * MS_PER_DAY);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Rows of cells (from a CSV or a spreadsheet) → enterprises, header found wherever it is. */
export function parseEnterpriseRows(rows: string[][], options: EnterpriseParseOptions = {}): EnterpriseParseResult {
  return parseRows(arraySource(rows), options);
}

function parseRows(rows: RowSource, options: EnterpriseParseOptions): EnterpriseParseResult {
  const file = options.file ?? 'enterprises.csv';
  const crs = options.crs ?? 'wgs84';
  const problems: Problem[] = [];
  const headerIndex = findHeader(rows, options.mapping);
  if (headerIndex < 0) {
    problems.push(problem(file, 0, '', '', 'no_header', 'error', '找不到表头行：未识别出企业名称、经纬度等列', 'No header row: no known columns (name, lon, lat …) found'));
    return { enterprises: [], problems, headerRow: 0, unmappedHeaders: [] };
  }
  const header = (rows.row(headerIndex) as string[]).map((h) => String(h ?? '').trim());
  const columnAt: (EnterpriseColumn | null)[] = header.map((h) => (options.mapping && h in options.mapping ? options.mapping[h] : recogniseHeader(h)));
  const unmappedHeaders = header.filter((h, k) => columnAt[k] === null && h !== '');
  for (const required of ['name', 'lon', 'lat'] as const) {
    if (!columnAt.includes(required)) {
      problems.push(problem(file, headerIndex + 1, required, '', 'missing_column', 'warning', `缺少列：${required}`, `Missing column: ${required}`));
    }
  }
  // Where each contract column sits (the last header that names it wins), and the cells kept as extra.
  const cellOf = new Map<EnterpriseColumn, number>();
  columnAt.forEach((column, k) => column && cellOf.set(column, k));
  const extraCells = columnAt.flatMap((column, k) => (column ? [] : [k]));
  const K = Object.fromEntries(ALL_ENTERPRISE_COLUMNS.map((c) => [c, cellOf.get(c) ?? -1])) as Record<EnterpriseColumn, number>;
  // Few distinct statuses in a register: each is judged once.
  const statusKnown = new Map<string, boolean>();

  const enterprises: Enterprise[] = [];
  const seenIds = new ShortKeyIndex();
  const seenCodes = new ShortKeyIndex();
  const cells = new RowCells();
  let rowNo = 0;
  /** The trimmed text of cell `k` of the current row (undefined when the header or the row has none). */
  const at = (k: number): string | undefined => cells.str(k);
  // Columns with few distinct values (a district, a status …) keep one string per value instead of one per row:
  // less to copy while the rows are young and less memory once they are old. A column past the limit is read as it is.
  const shared = (limit: number) => {
    const seen = new Map<string, string>();
    return (text: string): string => {
      const known = seen.get(text);
      if (known !== undefined) return known;
      if (seen.size < limit) seen.set(text, text);
      return text;
    };
  };
  const [sharedStatus, sharedDistrict, sharedStreet, sharedIndustry, sharedOrg] = [0, 0, 0, 0, 0].map(() => shared(SHARED_VALUES_LIMIT));
  const note: Note = (column, value, code, severity, zh, en) => problems.push(problem(file, rowNo, column, value, code, severity, zh, en));
  const { int, num, bool, date } = cellReaders(cells, note);
  const has = (c: EnterpriseColumn) => K[c] >= 0;
  /** The campaign columns the file has (absent ones stay absent: an import keeps what is stored). */
  const campaignOf = (): Partial<Enterprise> => {
    const out: Partial<Enterprise> = {};
    if (has('members_elsewhere')) out.membersElsewhere = int('members_elsewhere', K.members_elsewhere);
    if (has('members_elsewhere_at')) out.membersElsewhereAt = normalizeElsewherePlaces(at(K.members_elsewhere_at) ?? '');
    if (has('members_transferred')) out.membersTransferred = int('members_transferred', K.members_transferred);
    if (out.membersTransferred != null && out.membersElsewhere != null && out.membersTransferred > out.membersElsewhere) {
      note('members_transferred', String(out.membersTransferred), 'bad_value', 'warning',
        `已转入党员（${out.membersTransferred}）多于组织关系在外党员（${out.membersElsewhere}），按后者计`,
        `members_transferred (${out.membersTransferred}) is more than members_elsewhere (${out.membersElsewhere}): taken as the latter`);
      out.membersTransferred = out.membersElsewhere;
    }
    if (has('transfer_status')) {
      const raw = at(K.transfer_status) ?? '';
      const status = parseTransferStatus(raw);
      if (status === undefined) note('transfer_status', raw, 'bad_value', 'warning', '转接状态应为 待转接、转接中 或 已转接', 'transfer_status should be 待转接 / 转接中 / 已转接 (pending / in progress / done)');
      out.transferStatus = status ?? null;
      if (status === 'done' && (out.membersTransferred ?? 0) < (out.membersElsewhere ?? 0)) {
        note('transfer_status', raw, 'bad_value', 'warning', '已转接，但仍有组织关系在外的党员：按转接中计', 'done, but members are still elsewhere: taken as in progress');
        out.transferStatus = 'in_progress';
      }
    }
    if (has('transfer_on')) out.transferOn = date('transfer_on', K.transfer_on);
    if (has('union')) out.tradeUnion = bool('union', K.union);
    if (has('youth_league')) out.youthLeague = bool('youth_league', K.youth_league);
    if (has('womens_federation')) out.womensFederation = bool('womens_federation', K.womens_federation);
    if (has('key_category')) out.keyCategory = at(K.key_category) ?? '';
    if (has('liaison')) out.liaison = at(K.liaison) ?? '';
    if (has('registered_on')) out.registeredOn = date('registered_on', K.registered_on);
    return out;
  };
  const anyCampaign = CAMPAIGN_COLUMNS.some(has);

  for (let r = headerIndex + 1; ; r++) {
    if (!rows.load(r, cells)) break;
    if (options.onProgress && (r - headerIndex) % PROGRESS_EVERY === 0) options.onProgress(r - headerIndex, rows.count() - headerIndex - 1);
    if (cells.blank) continue;
    rowNo = r + 1;
    let extra = NO_EXTRA;
    if (extraCells.length > 0 || cells.length > header.length) {
      extra = {};
      for (const k of extraCells) if (k < cells.length) extra[header[k] || `column_${k + 1}`] = cells.raw(k);
      for (let k = header.length; k < cells.length; k++) extra[`column_${k + 1}`] = cells.raw(k);
    }

    const creditCode = (at(K.credit_code) ?? '').toUpperCase();
    let id = at(K.id) ?? '';
    if (id === '') id = creditCode;
    if (id === '') {
      id = `row-${rowNo}`;
      note('id', '', 'missing_id', 'warning', '编号和统一社会信用代码都为空，以行号为编号', 'No id and no credit code: the row number is used');
    }
    const firstRowOfId = seenIds.firstOrAdd(id, rowNo);
    if (firstRowOfId >= 0) {
      note('id', id, 'duplicate_id', 'error', `编号与第${firstRowOfId}行重复`, `Duplicate id (also row ${firstRowOfId})`);
      id = `${id}#${rowNo}`;
    }
    if (creditCode !== '') {
      const check = checkCreditCode(creditCode);
      if (check === 'format') note('credit_code', creditCode, 'credit_code_format', 'warning', '统一社会信用代码格式不正确（应为18位）', 'Credit code is not 18 valid characters');
      else if (check === 'check_digit') note('credit_code', creditCode, 'credit_code_check', 'warning', '统一社会信用代码校验位错误', 'Credit code check character is wrong');
      const firstRowOfCode = seenCodes.firstOrAdd(creditCode, rowNo);
      if (firstRowOfCode >= 0) note('credit_code', creditCode, 'duplicate_credit_code', 'error', `统一社会信用代码与第${firstRowOfCode}行重复`, `Duplicate credit code (also row ${firstRowOfCode})`);
    }

    let lon = num('lon', K.lon);
    let lat = num('lat', K.lat);
    if (lon === null || lat === null) {
      note('lon,lat', `${at(K.lon) ?? ''},${at(K.lat) ?? ''}`, 'missing_coordinates', 'warning', '缺少坐标：保留该行，列为未上图', 'No coordinates: row kept, listed as unmapped');
      lon = lat = null;
    } else {
      if (!isInChina(lon, lat) && isInChina(lat, lon)) {
        note('lon,lat', `${lon},${lat}`, 'latlon_swapped', 'warning', '经纬度填反，已交换', 'Longitude and latitude were swapped: swapped back');
        [lon, lat] = [lat, lon];
      }
      if (crs !== 'wgs84') [lon, lat] = toWgs84(lon, lat, crs);
      if (!isInChina(lon, lat)) {
        note('lon,lat', `${at(K.lon)},${at(K.lat)}`, 'outside_china', 'warning', '坐标不在中国大陆范围内', 'Coordinates are outside mainland China');
      }
    }
    const status = sharedStatus(at(K.status) ?? '');
    let known = statusKnown.get(status);
    if (known === undefined) statusKnown.set(status, (known = isKnownStatus(status)));
    if (!known) note('status', status, 'unknown_status', 'warning', '未识别的经营状况，按在营处理', 'Unknown operating status: counted as operating');

    const enterprise: Enterprise = {
      row: rowNo,
      id,
      name: at(K.name) ?? '',
      creditCode,
      district: sharedDistrict(at(K.district) ?? ''),
      street: sharedStreet(at(K.street) ?? ''),
      address: at(K.address) ?? '',
      lon,
      lat,
      employees: int('employees', K.employees),
      partyMembers: int('party_members', K.party_members),
      probationaryMembers: int('probationary_members', K.probationary_members),
      registeredCapital: num('registered_capital', K.registered_capital),
      industry: sharedIndustry(at(K.industry) ?? ''),
      status,
      ownerIsMember: bool('owner_is_member', K.owner_is_member),
      orgId: sharedOrg(at(K.org_id) ?? ''),
      workCovered: bool('work_covered', K.work_covered) ?? false,
      extra,
    };
    // The campaign's columns are added after the contract's, as a spread would (only where the file has some).
    if (anyCampaign) Object.assign(enterprise, campaignOf());
    enterprises.push(enterprise);
  }
  return { enterprises, problems, headerRow: headerIndex + 1, unmappedHeaders };
}

export { ENTERPRISE_COLUMNS };
