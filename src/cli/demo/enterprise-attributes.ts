/** Plausible enterprise attributes for the synthetic datasets: names, codes, sizes and members. */
import type { Enterprise } from '../../core/model/types';
import type { Random } from '../../core/util/random';
import { checkCharacter } from '../../core/io/credit-code';
import { INDUSTRIES, NAME_CHARS, ROAD_NAMES } from './hangzhou-places';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = CODE_ALPHABET.slice(0, 10).split('');
const ALPHABET_CHARS = CODE_ALPHABET.split('');
const OPERATING = ['正常', '在营', '存续', '开业'];

export function creditCode(rng: Random, districtCode: string, valid = true): string {
  let body = `91${districtCode}`;
  for (let i = 0; i < 8; i++) body += rng.pick(DIGITS);
  body += rng.pick(ALPHABET_CHARS);
  const check = checkCharacter(body) as string;
  return body + (valid ? check : CODE_ALPHABET[(CODE_ALPHABET.indexOf(check) + 1) % 31]);
}

export interface SizeProfile {
  employees: number;
  formal: number;
  probationary: number;
}

/** Most enterprises are small with no members; a heavy tail has hundreds of staff and 100+ members. */
export function typicalSize(rng: Random): SizeProfile {
  const large = rng.chance(0.004);
  const employees = Math.max(1, Math.round(large ? rng.logNormal(900, 0.9) : rng.logNormal(8, 1.15)));
  let formal = 0;
  if (large) formal = Math.round(employees * (0.03 + 0.03 * rng.next()));
  else if (rng.chance(Math.min(0.6, 0.06 + employees / 180))) formal = Math.min(40, 1 + rng.poisson(Math.max(0.1, employees / 45)));
  const probationary = formal > 0 ? rng.poisson(formal * 0.07) : rng.chance(0.004) ? 1 : 0;
  return { employees, formal, probationary };
}

export interface EnterpriseDraft {
  id: string;
  districtName: string;
  districtCode: string;
  streetName: string;
  lon: number;
  lat: number;
  urban: boolean;
  size: SizeProfile;
  validCode?: boolean;
  status?: string;
  completeSixClears?: boolean;
}

export function makeEnterprise(rng: Random, d: EnterpriseDraft, row: number): Enterprise {
  const industry = rng.weighted(INDUSTRIES, INDUSTRIES.map((i) => (d.urban ? i.urban : i.rural)));
  const name = `杭州${rng.pick(NAME_CHARS)}${rng.pick(NAME_CHARS)}${industry.suffix}有限公司`;
  const complete = d.completeSixClears ?? !rng.chance(0.09);
  const missing = complete ? '' : rng.pick(['capital', 'status', 'owner', 'employees', 'members']);
  return {
    row,
    id: d.id,
    name,
    creditCode: creditCode(rng, d.districtCode, d.validCode ?? true),
    district: d.districtName,
    street: d.streetName,
    address: `杭州市${d.districtName}${d.streetName}${rng.pick(ROAD_NAMES)}${rng.int(1, 999)}号`,
    lon: Math.round(d.lon * 1e6) / 1e6,
    lat: Math.round(d.lat * 1e6) / 1e6,
    employees: missing === 'employees' ? null : d.size.employees,
    partyMembers: missing === 'members' ? null : d.size.formal,
    probationaryMembers: d.size.probationary,
    registeredCapital: missing === 'capital' ? null : Math.round(rng.logNormal(d.size.employees > 50 ? 500 : 80, 1.3) * 100) / 100,
    industry: industry.name,
    status: d.status ?? (missing === 'status' ? '' : rng.pick(OPERATING)),
    ownerIsMember: missing === 'owner' ? null : rng.chance(d.size.formal > 0 ? 0.3 : 0.01),
    orgId: '',
    workCovered: false,
    extra: {},
  };
}
