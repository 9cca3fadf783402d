import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/ui/i18n';
import { capabilitiesOf } from '../../src/state/capabilities';
import { areaText, auditText, scopeLine } from '../../src/ui/staff/staff-lines';
import { staffName } from '../../src/ui/history-lines';
import type { StaffAuditEntry, StaffMember } from '../../src/data/auth';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const NAMES: Record<string, string> = { '330109': '萧山区', '330109001': '临浦镇', '330109002': '义桥镇', '330110': '余杭区' };
const areaName = (code: string | null | undefined) => (code ? NAMES[code] ?? code : '');

const street: StaffMember = { userId: 'u-s', name: '临浦镇党建办', role: 'street', districtId: '330109', streetId: '330109001', isAdmin: false };
const district: StaffMember = { userId: 'u-d', name: '萧山区委组织部', role: 'district', districtId: '330109', streetId: null, isAdmin: true };
const city: StaffMember = { userId: 'u-c', name: '市委组织部', role: 'city', districtId: null, streetId: null, isAdmin: true };

describe('capabilities from whoami (mirroring the database rules)', () => {
  it('embedded store: everything allowed, no staff panel', () => {
    const c = capabilitiesOf(null);
    expect(c.shared).toBe(false);
    expect([c.ruleProfile, c.areas, c.places, c.slides, c.storeBackup, c.enterprise({ district: 'x', street: 'y' })].every((x) => x.allowed)).toBe(true);
    expect(c.manageStaff).toBe(false);
  });

  it('street staff: their street only, no places, slides, rules or areas, each with a reason', () => {
    const c = capabilitiesOf(street);
    expect(c.enterprise({ district: '330109', street: '330109001' }).allowed).toBe(true);
    expect(c.enterprise({ district: '330109', street: '330109002' })).toEqual({ allowed: false, reason: 'otherStreet', values: { street: '330109002', mine: '330109001' } });
    expect(c.enterprise({ district: '330110', street: '' })).toMatchObject({ allowed: false, reason: 'otherDistrict' });
    expect(c.planItem(['330109001', '330109001']).allowed).toBe(true);
    expect(c.planItem([]).allowed).toBe(true);
    expect(c.planItem(['330109001', '330109002'])).toMatchObject({ allowed: false, reason: 'planItemOtherStreet' });
    expect([c.places, c.slides, c.ruleProfile, c.areas].map((x) => (x.allowed ? 'ok' : x.reason))).toEqual(['notStreet', 'notStreet', 'cityAdminOnly', 'cityOnly']);
    expect(c.manageStaff).toBe(false);
    for (const reason of ['otherStreet', 'otherDistrict', 'planItemOtherStreet', 'notStreet', 'cityAdminOnly', 'cityOnly', 'embeddedOnly']) {
      expect(zh(`staff.reason.${reason}`)).not.toContain('staff.reason');
      expect(en(`staff.reason.${reason}`)).not.toContain('staff.reason');
    }
  });

  it('district admin: its district, every street, the staff panel; no rules or areas', () => {
    const c = capabilitiesOf(district);
    expect(c.enterprise({ district: '330109', street: '330109002' }).allowed).toBe(true);
    expect(c.enterprise({ district: '330110', street: '' }).allowed).toBe(false);
    expect([c.manageStaff, c.places.allowed, c.ruleProfile.allowed, c.areas.allowed]).toEqual([true, true, false, false]);
  });

  it('city admin: everything but the whole-store backup (the database is not on this device)', () => {
    const c = capabilitiesOf(city);
    expect([c.manageStaff, c.ruleProfile.allowed, c.areas.allowed, c.enterprise({ district: '330110', street: '' }).allowed, c.storeBackup.allowed]).toEqual([true, true, true, true, false]);
  });
});

describe('the staff panel in words', () => {
  it('who is signed in: name · role · area by name', () => {
    expect(scopeLine(zh, areaName, street, 'x@y')).toBe('临浦镇党建办 · 乡镇街道 · 萧山区 · 临浦镇');
    expect(scopeLine(zh, areaName, district, 'x@y')).toBe('萧山区委组织部 · 区县管理员 · 萧山区');
    expect(scopeLine(zh, areaName, city, 'x@y')).toBe('市委组织部 · 市级管理员 · 全市');
    expect(areaText(en, areaName, 'street', '330109', '330109001')).toBe('萧山区 · 临浦镇');
    // English keeps the space between role and 'admin' (it read 'Cityadmin' in the header).
    expect(scopeLine(en, areaName, city, 'x@y')).toBe('市委组织部 · City admin · Whole city');
    expect(scopeLine(en, areaName, district, 'x@y')).toBe('萧山区委组织部 · District admin · 萧山区');
  });

  it('audit entries as sentences with area names, never codes', () => {
    const base = { id: 1, at: '2026-12-01T10:00:00Z', actorId: 'u-c', actorName: '市委组织部', targetId: 'u-s', targetName: '临浦镇党建办' };
    const approved: StaffAuditEntry = { ...base, table: 'staff', action: 'insert', before: null, after: { role: 'street', district_id: '330109', street_id: '330109001', is_admin: false } };
    const moved: StaffAuditEntry = { ...base, table: 'staff', action: 'update', before: approved.after, after: { role: 'street', district_id: '330109', street_id: '330109002', is_admin: false } };
    const revoked: StaffAuditEntry = { ...base, table: 'staff', action: 'delete', before: moved.after, after: null };
    const requested: StaffAuditEntry = { ...base, table: 'staff_requests', action: 'insert', before: null, after: { district_id: '330109', status: 'pending' } };
    const rejected: StaffAuditEntry = { ...base, table: 'staff_requests', action: 'update', before: requested.after, after: { district_id: '330109', status: 'rejected' } };
    expect([approved, moved, revoked, requested, rejected].map((e) => auditText(zh, areaName, e))).toEqual([
      '批准为 乡镇街道（萧山区 · 临浦镇）',
      '修改：乡镇街道（萧山区 · 临浦镇） → 乡镇街道（萧山区 · 义桥镇）',
      '撤销（原为 乡镇街道，萧山区 · 义桥镇）',
      '提交申请（萧山区）',
      '拒绝申请',
    ]);
  });

  it('edit history names other staff where their name is known, else a short id', () => {
    expect(staffName(zh, 'abcdef12-0000', { 'abcdef12-0000': '萧山区委组织部' })).toBe('萧山区委组织部');
    expect(staffName(zh, 'abcdef12-0000', {})).toContain('abcdef12');
  });
});
