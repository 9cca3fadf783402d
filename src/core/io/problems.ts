/** Row-level problems found while reading a dataset. Rows are always kept; problems say what is wrong. */
export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  file: string;
  /** 1-based data row (header excluded) or feature number; 0 for the file as a whole. */
  row: number;
  column: string;
  value: string;
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  message_en: string;
}

export type ProblemCode =
  | 'missing_file'
  | 'no_header'
  | 'missing_column'
  | 'bad_json'
  | 'bad_geometry'
  | 'repaired_geometry'
  | 'credit_code_check'
  | 'credit_code_format'
  | 'duplicate_id'
  | 'duplicate_credit_code'
  | 'missing_id'
  | 'latlon_swapped'
  | 'outside_china'
  | 'missing_coordinates'
  | 'not_a_number'
  | 'negative_count'
  | 'bad_boolean'
  | 'unknown_status'
  | 'unknown_area'
  | 'unknown_org'
  | 'outside_areas'
  | 'bad_value';

export function problem(
  file: string,
  row: number,
  column: string,
  value: unknown,
  code: ProblemCode,
  severity: ProblemSeverity,
  message: string,
  messageEn: string,
): Problem {
  return { file, row, column, value: value == null ? '' : String(value), code, severity, message, message_en: messageEn };
}
