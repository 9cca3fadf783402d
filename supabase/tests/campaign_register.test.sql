-- The campaign's working methods on the register (issue 16, parts 1, 2, 5): the new enterprise columns
-- through every read and write, 已转接 adding members to the formal members (audited, fed, district- and
-- street-checked), and private.campaign_area_figures() under the caller's row-level security.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(51);

create function pg_temp.attempt(who text, statement text) returns text language plpgsql as $$
declare
  n integer;
begin
  perform pg_temp.act_as(who);
  execute statement;
  get diagnostics n = row_count;
  return 'ok ' || n;
exception when others then
  return sqlstate;
end
$$;

\set a '''aaaaaaaa-0000-4000-8000-00000000000a'''
\set b '''bbbbbbbb-0000-4000-8000-00000000000b'''
\set city '''cccccccc-0000-4000-8000-00000000000c'''
\set s1 '''5a5a5a5a-0000-4000-8000-000000000051'''
\set s2 '''5a5a5a5a-0000-4000-8000-000000000052'''

-- A second street of A with an enterprise; street staff of both streets. The fixture's enterprises get
-- campaign figures: ent-A (40 employees, no member) has 2 members elsewhere, ent-A2 (organized) a union,
-- ent-A3 (注销) figures that never count, ent-B 5 elsewhere of which 1 transferred.
set local role service_role;
insert into public.areas (id, name, level, parent_id, district_id, geom) values
  ('330103002', '天水街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.175, 30.26, 120.20, 30.30, 4326)));
insert into public.enterprises (id, district_id, street_id, name, geom, employees, party_members, status, trade_union, youth_league, key_category, liaison) values
  ('ent-A4', '330103', '330103002', '甲四公司', extensions.st_setsrid(extensions.st_makepoint(120.18, 30.28), 4326), 60, 1, '正常', true, null, '亿元以上', '王书记');
insert into public.staff (user_id, name, role, district_id, street_id) values
  ('5a5a5a5a-0000-4000-8000-000000000051', '武林街道', 'street', '330103', '330103001'),
  ('5a5a5a5a-0000-4000-8000-000000000052', '天水街道', 'street', '330103', '330103002');
update public.enterprises set members_elsewhere = 2, members_elsewhere_at = '市人才中心;原籍', members_transferred = 0, transfer_status = 'pending' where id = 'ent-A';
update public.enterprises set trade_union = true, womens_federation = false, key_category = '双重管理' where id = 'ent-A2';
update public.enterprises set members_elsewhere = 9, members_transferred = 0, trade_union = true, key_category = '优势成长型' where id = 'ent-A3';
update public.enterprises set members_elsewhere = 5, members_transferred = 1, youth_league = true, key_category = '亿元以上' where id = 'ent-B';
reset role;

-- ─── 1. Columns and constraints ─────────────────────────────────────────────────────────────────
select columns_are('public', 'enterprise_rows', array['id', 'district_id', 'street_id', 'name', 'credit_code', 'address', 'lon', 'lat',
  'employees', 'party_members', 'probationary_members', 'registered_capital', 'industry', 'status', 'owner_is_member', 'org_id',
  'work_covered', 'extra', 'version', 'updated_at', 'updated_by', 'members_elsewhere', 'members_elsewhere_at', 'members_transferred',
  'transfer_status', 'transfer_on', 'trade_union', 'youth_league', 'womens_federation', 'key_category', 'liaison', 'registered_on'],
  'the enterprise rows every read returns carry the campaign columns');
set local role service_role;
select throws_ok($$update public.enterprises set members_transferred = 3 where id = 'ent-A'$$, '23514', null, 'more transferred than found elsewhere is refused');
select throws_ok($$update public.enterprises set members_elsewhere = -1 where id = 'ent-A'$$, '23514', null, 'a negative count is refused');
select throws_ok($$update public.enterprises set transfer_status = 'done' where id = 'ent-A'$$, '23514', null, '已转接 with members still elsewhere is refused');
select throws_ok($$update public.enterprises set transfer_status = '已转接' where id = 'ent-A'$$, '23514', null, 'the status is a code (pending / in_progress / done)');
select is((select trade_union from public.enterprises where id = 'ent-A'), null::boolean, 'a mass organization not stated is unknown (null), not no');
reset role;

-- ─── 2. Reads: list functions and the feed carry them ───────────────────────────────────────────
select pg_temp.act_as(:a);
select results_eq($$select members_elsewhere, members_elsewhere_at, members_transferred, transfer_status from public.list_enterprises() where id = 'ent-A'$$,
  $$values (2, '市人才中心;原籍'::text, 0, 'pending'::text)$$, 'list_enterprises returns the transfer columns');
select results_eq($$select trade_union, youth_league, key_category, liaison from public.enterprises_in_area('330103002') where id = 'ent-A4'$$,
  $$values (true, null::boolean, '亿元以上'::text, '王书记'::text)$$, 'enterprises_in_area returns the mass-organization and key-enterprise columns');
select is((select data ->> 'key_category' from public.changes_since(0, 10000) where kind = 'enterprise' and id = 'ent-A2'), '双重管理',
  'the feed''s enterprise row carries them');

-- ─── 3. Edits: update_enterprise ────────────────────────────────────────────────────────────────
select is((select r.womens_federation from public.update_enterprise('ent-A4', '{"womens_federation": true, "registered_on": "2010-05-04", "liaison": "  李主任 "}'::jsonb, 1) r),
  true, 'an edit sets a mass organization');
select results_eq($$select womens_federation, registered_on, liaison, trade_union, key_category from public.enterprises where id = 'ent-A4'$$,
  $$values (true, '2010-05-04'::date, '李主任'::text, true, '亿元以上'::text)$$, 'the edit stored what it named (trimmed) and kept what it did not');
select is((select r.key_category from public.update_enterprise('ent-A4', '{"key_category": "", "trade_union": null}'::jsonb, 2) r), null,
  'a blank category clears it (not a key enterprise any more)');
select is((select trade_union from public.enterprises where id = 'ent-A4'), null::boolean, 'a named null makes a mass organization unknown again');
select throws_ok($$select public.update_enterprise('ent-A', '{"transfer_status": "done"}'::jsonb, 1)$$, '23514', null,
  'an edit cannot call a transfer done while members are still elsewhere');
select is((select r.transfer_status from public.update_enterprise('ent-A', '{"transfer_status": "in_progress", "transfer_on": "2011-10-20"}'::jsonb, 1) r),
  'in_progress', '待转接 → 转接中 through an edit');

-- ─── 4. 已转接: complete_member_transfer ──────────────────────────────────────────────────────────
select is(pg_temp.attempt('anon', $$select public.complete_member_transfer('ent-A', 1, 2)$$), '42501', 'anon may not mark a transfer');
select is(pg_temp.attempt(:b, $$select public.complete_member_transfer('ent-A', 1, 2)$$), 'PT404', 'district B cannot see A''s enterprise to mark it');
select is(pg_temp.attempt(:s2, $$select public.complete_member_transfer('ent-A', 1, 2)$$), '42501', 'street staff of another street may not mark it');
select pg_temp.act_as(:a);
select throws_ok($$select public.complete_member_transfer('ent-A', 1, 1)$$, 'PT409', null, 'a transfer at an old version is refused');
select throws_ok($$select public.complete_member_transfer('ent-A', 3, 2)$$, '22023', 'enterprise ent-A has 2 member(s) to transfer, not 3', 'more than are pending is refused');
select throws_ok($$select public.complete_member_transfer('ent-A', 0, 2)$$, '22023', null, 'zero members is refused');
select throws_ok($$select public.complete_member_transfer('ent-A2', null, 1)$$, '22023', null, 'an enterprise with nobody elsewhere has nothing to transfer');
select results_eq($$select party_members, members_transferred, transfer_status, transfer_on, version from public.complete_member_transfer('ent-A', 1, 2, '2011-11-01')$$,
  $$values (1, 1, 'in_progress'::text, '2011-11-01'::date, 3)$$, 'one of two transferred: a formal member more, 转接中');
select is(pg_temp.attempt(:s1, $$select public.complete_member_transfer('ent-A', null, 3)$$), 'ok 1', 'street staff of the enterprise''s own street mark the rest');
select pg_temp.act_as(:a);
select results_eq($$select party_members, members_elsewhere, members_transferred, transfer_status, updated_by::text from public.enterprises where id = 'ent-A'$$,
  $$values (2, 2, 2, 'done'::text, '5a5a5a5a-0000-4000-8000-000000000051'::text)$$, 'all transferred: 已转接, both members formal, written by the street user');
select is((select count(*)::integer from public.audit_log where table_name = 'enterprises' and row_id = 'ent-A' and action = 'update' and new_row ? 'members_transferred' and new_row ? 'party_members'), 2,
  'each transfer is in the audit log');
select results_eq($$select (old_row ->> 'party_members')::integer, (new_row ->> 'party_members')::integer, new_row ->> 'transfer_status'
  from public.audit_log where table_name = 'enterprises' and row_id = 'ent-A' and new_row ? 'members_transferred' order by id desc limit 1$$,
  $$values (1, 2, 'done'::text)$$, 'the audit names the formal members before and after');
select is((select data ->> 'party_members' from public.changes_since(0, 10000) where kind = 'enterprise' and id = 'ent-A'), '2',
  'the feed carries the new formal members');
select pg_temp.act_as(:b);
select is((select count(*)::integer from public.changes_since(0, 10000) where kind = 'enterprise' and id = 'ent-A'), 0, 'district B''s feed does not');
select is(pg_temp.attempt(:city, $$select public.complete_member_transfer('ent-B', 2, 1)$$), 'ok 1', 'city staff mark a transfer in any district');
select pg_temp.act_as(:city);
select results_eq($$select party_members, members_transferred, transfer_status from public.enterprises where id = 'ent-B'$$,
  $$values (3, 3, 'in_progress'::text)$$, '1 + 2 of 5 transferred: 3 formal members (own organization possible), 转接中');

-- ─── 5. Imports: upsert_enterprises and load_enterprises ────────────────────────────────────────
select pg_temp.act_as(:a);
select results_eq($$select action, message from public.upsert_enterprises('[
  {"id": "imp-1", "name": "导入一", "district": "330103", "street": "330103001", "status": "正常", "members_elsewhere": 4, "members_transferred": 1,
   "members_elsewhere_at": "流动人员党委", "trade_union": true, "youth_league": false, "womens_federation": null, "key_category": "优势成长型",
   "liaison": "张科长", "registered_on": "2011-06-30"},
  {"id": "imp-2", "name": "导入二", "district": "330103", "members_elsewhere": 1, "members_transferred": 2},
  {"id": "imp-3", "name": "导入三", "district": "330103", "registered_on": "2011/06/30"},
  {"id": "imp-4", "name": "导入四", "district": "330103", "members_elsewhere": 3, "transfer_status": "已转接"},
  {"id": "imp-5", "name": "导入五", "district": "330103", "members_elsewhere": -2}
]'::jsonb, 'apply') order by row_no$$,
  $$values ('inserted'::text, null::text), ('rejected', 'members_transferred is more than members_elsewhere'),
           ('rejected', 'registered_on 2011/06/30 is not a date (YYYY-MM-DD)'),
           ('rejected', 'transfer_status 已转接 is not pending, in_progress or done'), ('rejected', 'a count is negative (check constraint)')$$,
  'an import writes the columns and refuses bad values row by row');
select results_eq($$select members_elsewhere, members_transferred, members_elsewhere_at, transfer_status, trade_union, youth_league, womens_federation,
  key_category, liaison, registered_on from public.enterprises where id = 'imp-1'$$,
  $$values (4, 1, '流动人员党委'::text, 'in_progress'::text, true, false, null::boolean, '优势成长型'::text, '张科长'::text, '2011-06-30'::date)$$,
  'the imported row as stored (status from the counts: some transferred → 转接中)');
select is((select count(*)::integer from public.enterprises where id in ('imp-2', 'imp-3', 'imp-4', 'imp-5')), 0, 'refused rows are not written');
select results_eq($$select action from public.upsert_enterprises('[{"id": "imp-1", "name": "导入一（改）", "district": "330103", "street": "330103001", "status": "正常"}]'::jsonb, 'apply')$$,
  $$values ('updated'::text)$$, 'a re-import from a file without the campaign columns');
select results_eq($$select name, members_elsewhere, members_transferred, trade_union, key_category, registered_on from public.enterprises where id = 'imp-1'$$,
  $$values ('导入一（改）'::text, 4, 1, true, '优势成长型'::text, '2011-06-30'::date)$$, 'keeps the campaign columns it does not name');
select results_eq($$select action, message from public.upsert_enterprises('[{"id": "imp-1", "name": "导入一", "district": "330103", "street": "330103001", "members_elsewhere": 0}]'::jsonb, 'apply')$$,
  $$values ('rejected'::text, 'members_transferred is more than members_elsewhere'::text)$$,
  'a re-import whose count no longer fits the stored transferred members is refused with the reason');
select results_eq($$select action from public.upsert_enterprises('[{"id": "imp-1", "name": "导入一", "district": "330103", "street": "330103001", "members_elsewhere": 1, "members_transferred": 1, "trade_union": null}]'::jsonb, 'apply')$$,
  $$values ('updated'::text)$$, 'a re-import naming the columns');
select results_eq($$select members_elsewhere, transfer_status, trade_union from public.enterprises where id = 'imp-1'$$,
  $$values (1, 'done'::text, null::boolean)$$, 'replaces them (all transferred → 已转接; a blank is unknown)');
select is(pg_temp.attempt(:s2, $$select * from public.upsert_enterprises('[{"id": "imp-1", "name": "x", "district": "330103", "street": "330103001", "key_category": "双重管理"}]'::jsonb, 'apply') where action = 'rejected'$$),
  'ok 1', 'street staff of another street are refused the row');
set local role service_role;
select is((select count(*)::integer from public.load_enterprises('[{"id": "load-1", "name": "批量一", "district": "330104", "status": "正常", "members_elsewhere": 6, "members_transferred": 6,
  "members_elsewhere_at": "市人才中心", "womens_federation": true, "key_category": "亿元以上", "liaison": "赵部长", "registered_on": "2009-01-02"},
  {"id": "load-2", "name": "批量二", "district": "330104", "members_elsewhere": 3}]'::jsonb) r where r.action = 'inserted'), 2, 'load_enterprises loads the campaign columns');
select results_eq($$select id, transfer_status, womens_federation, key_category, registered_on from public.enterprises where id in ('load-1', 'load-2') order by id$$,
  $$values ('load-1'::text, 'done'::text, true, '亿元以上'::text, '2009-01-02'::date), ('load-2', 'pending', null, null, null)$$,
  'with the status from the counts (none transferred → 待转接)');
reset role;

-- ─── 6. private.campaign_area_figures() ─────────────────────────────────────────────────────────
-- (The runner has no usage on schema private: the catalogue by name.)
create temp view figures_fn as
  select p.* from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'private' and p.proname = 'campaign_area_figures';
select is((select prosecdef from figures_fn), false, 'the figures run with the caller''s rights');
select is((select 'search_path=""' = any (proconfig) from figures_fn), true, 'with a pinned, empty search_path');
select is((select pg_get_function_result(oid) || ' / ' || pg_get_function_identity_arguments(oid) from figures_fn),
  'TABLE(area_id text, members_elsewhere integer, members_transferred integer, mass_org_no_party integer, key_enterprises integer) / ',
  'the signature the bulletin joins');
select is(pg_temp.attempt('anon', $$select * from private.campaign_area_figures()$$), '42501', 'anon may not read them');
select pg_temp.act_as(:a);
-- A: ent-A 2 elsewhere (2 transferred), imp-1 1 (1), ent-A3 is 注销 (never counted); ent-A2 has a union but an organization;
-- ent-A4 has a 妇联 (its union was cleared) and no organization; key: ent-A2, imp-1 (A4's cleared).
select results_eq($$select area_id, members_elsewhere, members_transferred, mass_org_no_party, key_enterprises from private.campaign_area_figures() order by area_id$$,
  $$values ('330103'::text, 3, 3, 1, 2), ('330103001', 3, 3, 0, 2), ('330103002', 0, 0, 1, 0)$$,
  'district A sees its district and streets, operating enterprises only (ent-A4: a 妇联 and no Party organization)');
set local role service_role;
update public.enterprises set womens_federation = false where id = 'ent-A4';
reset role;
select pg_temp.act_as(:a);
select is((select mass_org_no_party from private.campaign_area_figures() where area_id = '330103002'), 0, 'no mass organization (妇联 no, the others unknown): not counted');
set local role service_role;
update public.enterprises set youth_league = true where id = 'ent-A4';
reset role;
select pg_temp.act_as(:a);
select is((select mass_org_no_party from private.campaign_area_figures() where area_id = '330103002'), 1, 'a 共青团 without a Party organization counts (已建群团未建党组织)');
select pg_temp.act_as(:city);
select results_eq($$select area_id, members_elsewhere, members_transferred, mass_org_no_party, key_enterprises from private.campaign_area_figures() where area_id like '330104%' order by area_id$$,
  $$values ('330104'::text, 14, 9, 1, 2), ('330104001', 5, 3, 0, 1)$$,
  'the city sees B too (ent-B organized: its 共青团 does not count; load-2 has no street)');
select pg_temp.act_as(:b);
select is((select count(*)::integer from private.campaign_area_figures() where area_id like '330103%'), 0, 'district B sees none of A''s areas');

select * from finish();
rollback;
