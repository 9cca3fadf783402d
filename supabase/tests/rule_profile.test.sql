-- The stored rule profile (issue 14, item 2): every staff member reads it, only city admins write it,
-- anon and users without a staff row get nothing; writes are validated and versioned; a change feeds
-- every staff member; coverage_by_area takes must-cover from it.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(26);
-- The fixture's city user administers the city; a second city user does not.
set local role service_role;
update public.staff set is_admin = true where user_id = 'cccccccc-0000-4000-8000-00000000000c';
insert into public.staff (user_id, name, role, district_id) values ('cccccccc-0000-4000-8000-0000000000c2', 'City staff', 'city', null);
reset role;

-- Reading.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select results_eq($$select id, rules, version from public.read_rule_profile()$$, $$values ('city'::text, '{}'::jsonb, 1)$$,
  'district staff read the profile (one row, no overrides at first)');
select is((select count(*)::integer from public.rule_profiles), 1, 'district staff read the table too');
select is((select must_cover from public.coverage_by_area() where area_id = '330103'), 2::bigint,
  'by default (30 employees, or any member) both operating enterprises of A are must-cover');
select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select is((select count(*)::integer from public.read_rule_profile()), 1, 'city staff read the profile');
select pg_temp.act_as('anon');
select throws_ok($$select * from public.read_rule_profile()$$, '42501', null, 'anon may not call read_rule_profile');
select throws_ok($$select * from public.rule_profiles$$, '42501', null, 'anon may not read the table');
select pg_temp.act_as('eeeeeeee-0000-4000-8000-00000000000e');
select throws_ok($$select * from public.read_rule_profile()$$, '42501', null, 'a user without a staff row is refused');

-- Writing: district staff may not, through the function or the table.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnits": 8}'::jsonb, 1)$$, '42501', null, 'district staff may not save the profile');
update public.rule_profiles set rules = '{"jointMaxUnits": 9}'::jsonb;
select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select is((select rules from public.rule_profiles), '{}'::jsonb, 'a direct update by district staff changes nothing (RLS)');
select pg_temp.act_as('anon');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnits": 8}'::jsonb, 1)$$, '42501', null, 'anon may not save the profile');
select throws_ok($$update public.rule_profiles set rules = '{}'::jsonb$$, '42501', null, 'anon may not update the table');
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select throws_ok($$insert into public.rule_profiles (id) values ('city')$$, '42501', null, 'nobody inserts a second profile through the API');
select throws_ok($$delete from public.rule_profiles$$, '42501', null, 'nobody deletes the profile through the API');

-- City staff who are not admins may not either.
select pg_temp.act_as('cccccccc-0000-4000-8000-0000000000c2');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnits": 8}'::jsonb, 1)$$, '42501', null, 'city staff who are not admins may not save the profile');
update public.rule_profiles set rules = '{"jointMaxUnits": 9}'::jsonb;
select is((select rules from public.rule_profiles), '{}'::jsonb, 'nor change it directly (RLS)');

-- City admins write, at the version they read; bad values are refused.
select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select results_eq($$select rules, version, updated_by from public.save_rule_profile('{"jointMaxUnits": 8, "mustCoverMinEmployees": 50}'::jsonb, 1)$$,
  $$values ('{"jointMaxUnits": 8, "mustCoverMinEmployees": 50}'::jsonb, 2, 'cccccccc-0000-4000-8000-00000000000c'::uuid)$$,
  'a city admin saves the profile; its version moves on and the database says who wrote it');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnits": 6}'::jsonb, 1)$$, 'PT409', null, 'a save at an old version is refused');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnit": 6}'::jsonb, 2)$$, '22023', 'jointMaxUnit is not a rule setting', 'an unknown key is refused');
select throws_ok($$select public.save_rule_profile('{"jointMaxUnits": 2.5}'::jsonb, 2)$$, '22023', 'jointMaxUnits must be a whole number', 'a fraction where a count belongs is refused');
select throws_ok($$select public.save_rule_profile('{"mustCoverAnyMember": 1}'::jsonb, 2)$$, '22023', 'mustCoverAnyMember must be true or false', 'a number where a switch belongs is refused');
select throws_ok($$update public.rule_profiles set rules = '{"jointMaxSpanM": -1}'::jsonb$$, '23514', null, 'a direct update is held to the same rules');

-- The feed: everyone on staff sees the change (it belongs to no district).
select pg_temp.act_as('bbbbbbbb-0000-4000-8000-00000000000b');
select results_eq($$select kind, id, deleted, data -> 'rules' from public.changes_since(0, 10000) where kind = 'rule_profile'$$,
  $$values ('rule_profile'::text, 'city'::text, false, '{"jointMaxUnits": 8, "mustCoverMinEmployees": 50}'::jsonb)$$,
  'district B follows the profile''s change in the feed');
select is((select max(seq) from public.changes_since(0, 10000) where kind = 'rule_profile'), public.feed_head(), 'the change is at the head of B''s feed');

-- The figures read the stored must-cover threshold: ent-A (40 employees, no members) is must-cover at 30, not at 50.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select is((select must_cover from public.coverage_by_area() where area_id = '330103'), 1::bigint,
  'with must-cover from 50 employees only the enterprise with members counts');
select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select lives_ok($$select public.save_rule_profile('{"mustCoverMinEmployees": 40, "mustCoverAnyMember": false}'::jsonb, 2)$$, 'the city admin saves again at the new version');
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select is((select must_cover from public.coverage_by_area() where area_id = '330103'), 1::bigint,
  'from 40 employees and not for members: only the 40-employee enterprise counts');

select * from finish();
rollback;
