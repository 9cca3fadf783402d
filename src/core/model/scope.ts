/** Which enterprises count, and what each one's six-clears and must-cover status is. */
import type { Enterprise, RuleProfile } from '../model/types';

const OUT_OF_SCOPE_MARKERS = ['停业', '歇业', '注销', '吊销', '撤销', '迁出', '清算', '关闭', '破产', 'closed', 'dissolved', 'revoked', 'suspended', 'cancelled'];
const OPERATING_STATUSES = new Set(['', '正常', '在营', '存续', '开业', '营业', 'operating', 'active', 'normal']);

/** A register has few distinct statuses: each is judged once (trimming and lower-casing Chinese text is slow). */
const STATUS_MEMO_LIMIT = 4096;
const operatingMemo = new Map<string, boolean>();

export function isOperating(status: string): boolean {
  const known = operatingMemo.get(status);
  if (known !== undefined) return known;
  const s = status.trim().toLowerCase();
  const operating = OPERATING_STATUSES.has(s) || !OUT_OF_SCOPE_MARKERS.some((marker) => s.includes(marker));
  if (operatingMemo.size < STATUS_MEMO_LIMIT) operatingMemo.set(status, operating);
  return operating;
}

export function isKnownStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  return OPERATING_STATUSES.has(s) || OUT_OF_SCOPE_MARKERS.some((marker) => s.includes(marker));
}

export function totalMembers(e: Pick<Enterprise, 'partyMembers' | 'probationaryMembers'>): number {
  return (e.partyMembers ?? 0) + (e.probationaryMembers ?? 0);
}

export function isMustCover(e: Enterprise, rules: RuleProfile): boolean {
  if ((e.employees ?? 0) >= rules.mustCoverMinEmployees) return true;
  return rules.mustCoverAnyMember && totalMembers(e) > 0;
}

/** The six clears (六清): scale, operating status, owner identity, employees, Party members, org setup. */
export function hasSixClears(e: Enterprise): boolean {
  return (
    e.registeredCapital !== null &&
    e.status.trim() !== '' &&
    e.ownerIsMember !== null &&
    e.employees !== null &&
    e.partyMembers !== null
    // org setup is always stated: an empty org_id states "no organization".
  );
}

export function isMicro(e: Enterprise, rules: RuleProfile): boolean {
  return e.registeredCapital !== null && e.registeredCapital < rules.microCapitalBelow;
}
