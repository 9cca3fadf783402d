-- The shared workspace's reads (issue 13, cont.): staff names in the caller's scope only, the staff
-- audit with names for admins only, and a street user's edit of another street's enterprise refused as
-- such (42501), not as a stale version (PT409).
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(21);

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
create function pg_temp.names_as(who text, ids uuid[]) returns text language plpgsql as $$
declare
  v text;
begin
  perform pg_temp.act_as(who);
  select string_agg(n.name, ',' order by n.name) into v from public.staff_names(ids) n;
  return coalesce(v, '');
end
$$;
create function pg_temp.error_as(who text, statement text) returns text language plpgsql as $$
begin
  perform pg_temp.act_as(who);
  execute statement;
  return 'ok';
exception when others then
  return sqlstate || ' ' || sqlerrm;
end
$$;

\set a '''aaaaaaaa-0000-4000-8000-00000000000a'''
\set b '''bbbbbbbb-0000-4000-8000-00000000000b'''
\set city '''cccccccc-0000-4000-8000-00000000000c'''
\set nostaff '''eeeeeeee-0000-4000-8000-00000000000e'''
\set s1 '''5a5a5a5a-0000-4000-8000-000000000051'''
\set da '''dadadada-0000-4000-8000-0000000000da'''
\set ca '''cacacaca-0000-4000-8000-0000000000ca'''
\set all_ids 'array[''aaaaaaaa-0000-4000-8000-00000000000a'',''bbbbbbbb-0000-4000-8000-00000000000b'',''cccccccc-0000-4000-8000-00000000000c'',''5a5a5a5a-0000-4000-8000-000000000051'',''dadadada-0000-4000-8000-0000000000da'',''cacacaca-0000-4000-8000-0000000000ca'']::uuid[]'

set local role service_role;
insert into public.areas (id, name, level, parent_id, district_id, geom) values
  ('330103002', '天水街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.175, 30.26, 120.20, 30.30, 4326)));
insert into public.enterprises (id, district_id, street_id, name, geom, employees, party_members, status) values
  ('ent-A4', '330103', '330103002', '甲四公司', extensions.st_setsrid(extensions.st_makepoint(120.18, 30.28), 4326), 20, 2, '正常');
insert into public.staff (user_id, name, role, district_id, street_id, is_admin) values
  ('5a5a5a5a-0000-4000-8000-000000000051', '武林街道党建办', 'street', '330103', '330103001', false),
  ('dadadada-0000-4000-8000-0000000000da', '下城区管理员', 'district', '330103', null, true),
  ('cacacaca-0000-4000-8000-0000000000ca', '市管理员', 'city', null, null, true);
reset role;

-- ─── staff_names: only the caller's scope ───────────────────────────────────────────────────────
select is(pg_temp.names_as(:city, :all_ids), 'A,B,City,下城区管理员,市管理员,武林街道党建办', 'city: every staff member''s name');
select is(pg_temp.names_as(:a, :all_ids), 'A,City,下城区管理员,市管理员,武林街道党建办', 'district A: its district''s and the city''s staff, not B');
select is(pg_temp.names_as(:s1, :all_ids), 'A,City,下城区管理员,市管理员,武林街道党建办', 'street of A: the same scope as its district');
select is(pg_temp.names_as(:b, :all_ids), 'B,City,市管理员', 'district B: none of A''s people');
select is(pg_temp.attempt(:nostaff, $$select * from public.staff_names(array['aaaaaaaa-0000-4000-8000-00000000000a']::uuid[])$$), '42501', 'no staff row: refused');
select is(pg_temp.attempt('anon', $$select * from public.staff_names(array[]::uuid[])$$), '42501', 'anon: no execute privilege');
select is(pg_temp.attempt(:a, $$select * from public.staff_names(array(select gen_random_uuid() from generate_series(1, 1001)))$$), '22023', 'at most 1000 ids a call');

-- ─── list_staff_audit: who approved whom, when — for admins, in their scope ────────────────────
select is(pg_temp.attempt(:ca, $$select public.set_staff('eeeeeeee-0000-4000-8000-00000000000e', 'street', '330103', '330103002', false, '天水新人')$$), 'ok 1', 'city admin approves a street user');
select is(pg_temp.attempt(:da, $$select public.set_staff('eeeeeeee-0000-4000-8000-00000000000e', 'street', '330103', '330103001', false, null)$$), 'ok 1', 'district admin moves them to its other street');
select is((select string_agg(x.actor_name || '>' || x.target_name || ':' || x.action, ',' order by x.id)
  from (select * from pg_temp.attempt(:ca, 'select 1') z, lateral (select * from public.list_staff_audit(50)) y where y.target_id = 'eeeeeeee-0000-4000-8000-00000000000e') x),
  '市管理员>天水新人:insert,下城区管理员>天水新人:update', 'city admin: both changes, with the actor''s and the target''s names, oldest first');
select ok((select bool_and(x.at is not null and x.new_row ->> 'street_id' is not null) from public.list_staff_audit(50) x where x.target_id = 'eeeeeeee-0000-4000-8000-00000000000e'), 'every entry says when and the new row');
select is((select count(*)::integer from (select * from pg_temp.attempt(:da, 'select 1') z, lateral (select * from public.list_staff_audit(50)) y) x), 5, 'district admin of A: its district''s entries (A, the street user, itself and the two changes)');
select is((select count(*)::integer from public.list_staff_audit(50) x where x.district_id = '330104' or x.target_id = 'bbbbbbbb-0000-4000-8000-00000000000b'), 0, 'district admin of A: nothing of B');
select is(pg_temp.attempt(:b, $$select * from public.list_staff_audit(50)$$), '42501', 'a non-admin reads no staff audit');
select is(pg_temp.attempt(:s1, $$select * from public.list_staff_audit(50)$$), '42501', 'street staff read no staff audit');

-- ─── update_enterprise by street staff ──────────────────────────────────────────────────────────
select is(pg_temp.error_as(:s1, $$select public.update_enterprise('ent-A4', '{"employees": 21}', 1)$$),
  '42501 enterprise ent-A4 is in another street (天水街道): only enterprises of 武林街道 are yours to change', 'another street''s enterprise: 42501 naming both streets, not PT409');
select is(pg_temp.error_as(:s1, $$select public.update_enterprise('ent-A', '{"employees": 41}', 99)$$) like 'PT409%', true, 'own street, stale version: still PT409');
select is(pg_temp.attempt(:s1, $$select public.update_enterprise('ent-A', '{"employees": 41}', (select version from public.enterprises where id = 'ent-A'))$$), 'ok 1', 'own street, current version: written');

-- ─── area_choices: names for the sign-up request ───────────────────────────────────────────────
select is(pg_temp.attempt(:nostaff, $$select * from public.area_choices()$$), 'ok 5', 'a user without a staff row lists the districts and streets to ask for');
select is((select string_agg(name, ',' order by id) from public.area_choices() where level = 'district'), '下城区,江干区', '…by name');
select is(pg_temp.attempt('anon', $$select * from public.area_choices()$$), '42501', 'anon: nothing');

select * from finish();
rollback;
