/** The scenario comparison as a spreadsheet: one row per area (the total first), four figures per scenario. */
import type { ScenarioComparison, ScenarioFigures } from '../scenarios';
import { writeXlsx, type SheetSpec } from './xlsx';
import { safeCell } from './csv-writer';

export interface ScenarioExportText {
  sheet: string;
  area: string;
  level: string;
  total: string;
  levels: Record<'district' | 'street', string>;
  /** Column headers of the figures; each is written once per scenario, as `column` joins the two. */
  figures: Record<keyof ScenarioFigures, string>;
  /** "<scenario>：<figure>" in the UI language ("现行规则：应建未建", "Rules in force: Must cover"). */
  column: (scenario: string, figure: string) => string;
}

const FIGURES: (keyof ScenarioFigures)[] = ['mustCover', 'mustCoverInOrgs', 'newOrgs', 'workCoverage', 'umbrellas'];

export function scenarioSheet(comparison: ScenarioComparison, text: ScenarioExportText): SheetSpec {
  const columns: SheetSpec['columns'][number][] = [{ key: 'area', header: text.area, width: 18 }, { key: 'level', header: text.level, width: 10 }];
  comparison.scenarios.forEach((s, k) => {
    for (const f of FIGURES) columns.push({ key: `s${k}_${f}`, header: String(safeCell(text.column(s.name, text.figures[f]))), numeric: true, width: 16 });
  });
  const rows = comparison.rows.map((r) => {
    const row: Record<string, unknown> = { area: r.level === 'total' ? text.total : r.name, level: r.level === 'total' ? '' : text.levels[r.level] };
    r.figures.forEach((fig, k) => {
      for (const f of FIGURES) row[`s${k}_${f}`] = fig[f];
    });
    return row;
  });
  return { name: text.sheet, columns, rows };
}

/** Cells go through writeXlsx, which neutralises any text that would start a formula; headers (scenario names) are neutralised here. */
export const exportScenariosXlsx = (comparison: ScenarioComparison, text: ScenarioExportText): Promise<Uint8Array<ArrayBuffer>> =>
  writeXlsx([scenarioSheet(comparison, text)]);
