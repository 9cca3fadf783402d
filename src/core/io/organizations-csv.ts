/** organizations.csv → Organization rows. */
import Papa from 'papaparse';
import type { OrgForm, OrgLevel, Organization } from '../model/types';
import { problem, type Problem } from './problems';

const LEVELS: ReadonlySet<string> = new Set(['committee', 'general_branch', 'branch']);
const FORMS: ReadonlySet<string> = new Set(['standalone', 'building', 'business_district', 'park', 'market', 'village', 'industry', 'area', 'association']);

export function parseOrganizationsCsv(text: string, file = 'organizations.csv'): { organizations: Organization[]; problems: Problem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems: Problem[] = [];
  const organizations = parsed.data.map((r, k) => {
    const row = k + 2;
    const level = (r.level ?? '').trim();
    const form = (r.form ?? '').trim();
    if (!LEVELS.has(level)) problems.push(problem(file, row, 'level', level, 'bad_value', 'warning', '未知的党组织层级，按党支部处理', 'Unknown level: treated as a branch'));
    if (!FORMS.has(form)) problems.push(problem(file, row, 'form', form, 'bad_value', 'warning', '未知的组建形式，按区域联建处理', 'Unknown form: treated as area-joint'));
    return {
      id: (r.id ?? '').trim() || `org-row-${row}`,
      name: (r.name ?? '').trim(),
      level: (LEVELS.has(level) ? level : 'branch') as OrgLevel,
      form: (FORMS.has(form) ? form : 'area') as OrgForm,
      parentId: (r.parent_id ?? '').trim() || null,
    };
  });
  return { organizations, problems };
}
