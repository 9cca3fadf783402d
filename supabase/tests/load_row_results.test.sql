-- The bulk load (load_enterprises, load_register) answers row by row (issue 13, cont.): rows outside the
-- caller's street (street staff) or district (district staff) are rejected naming both areas, the rest load;
-- before, one such row failed the whole batch with 42501.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(23);

create function pg_temp.attempt(who text, statement text) returns text language plpgsql as $$
begin
  perform pg_temp.act_as(who);
  execute statement;
  return 'ok';
exception when others then
  return sqlstate;
end
$$;
-- The results of a load as one line per row: "row_no action enterprise_id: message".
create function pg_temp.load_as(who text, fn text, input jsonb) returns text language plpgsql as $$
declare
  v text;
begin
  perform pg_temp.act_as(who);
  execute pg_catalog.format($q$select string_agg(r.row_no || ' ' || r.action || ' ' || coalesce(r.enterprise_id, '-') || coalesce(': ' || r.message, ''), E'\n' order by r.row_no)
    from public.%I($1) r$q$, fn) into v using input;
  return v;
end
$$;
create function pg_temp.stored(ids text[]) returns text language plpgsql as $$
declare
  v text;
begin
  set local role service_role;
  select string_agg(e.id || '@' || coalesce(e.street_id, '-'), ',' order by e.id) into v from public.enterprises e where e.id = any (ids);
  return coalesce(v, '');
end
$$;

\set s1 '''5a5a5a5a-0000-4000-8000-000000000051'''
\set a '''aaaaaaaa-0000-4000-8000-00000000000a'''
\set city '''cccccccc-0000-4000-8000-00000000000c'''
\set nostaff '''eeeeeeee-0000-4000-8000-00000000000e'''

set local role service_role;
insert into public.areas (id, name, level, parent_id, district_id, geom) values
  ('330103002', '天水街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.175, 30.26, 120.20, 30.30, 4326)));
insert into public.staff (user_id, name, role, district_id, street_id, is_admin) values
  ('5a5a5a5a-0000-4000-8000-000000000051', '武林街道党建办', 'street', '330103', '330103001', false);
reset role;

-- ─── Street staff: their street's rows load, the others are named ───────────────────────────────
select is(pg_temp.load_as(:s1, 'load_enterprises', '[
    {"id": "L-1", "name": "武林一", "district": "330103", "street": "330103001", "status": "正常", "employees": 30},
    {"id": "L-2", "name": "天水一", "district": "下城区", "street": "天水街道", "status": "正常"},
    {"id": "L-3", "name": "凯旋一", "district": "330104", "street": "330104001", "status": "正常"},
    {"id": "L-4", "name": "武林二", "district": "下城区", "street": "武林街道", "status": "正常"},
    {"id": "L-5", "name": "无街道", "district": "330103", "status": "正常"}]'),
  E'1 inserted L-1\n'
  '2 rejected L-2: enterprise L-2 is in another street (天水街道): only enterprises of 武林街道 are yours to load\n'
  '3 rejected L-3: enterprise L-3 is in another district (江干区): only enterprises of 下城区 are yours to load\n'
  '4 inserted L-4\n'
  '5 rejected L-5: enterprise L-5 names no street: only enterprises of 武林街道 are yours to load',
  'street staff: one result per row; another street''s, another district''s and a street-less row are rejected naming the areas');
select is(pg_temp.stored(array['L-1', 'L-2', 'L-3', 'L-4', 'L-5']), 'L-1@330103001,L-4@330103001', '…and the rows of their street are loaded (the batch is not refused)');
select is(pg_temp.load_as(:s1, 'load_enterprises', '[{"id": "L-6", "name": "甲", "credit_code": "91330103MA0000001X", "street": "330103002", "district": "330103"}]'),
  '1 rejected L-6: enterprise L-6 is in another street (天水街道): only enterprises of 武林街道 are yours to load', 'a street given by its id is named too');
select is(pg_temp.load_as(:s1, 'load_enterprises', '[{"id": "ent-A", "name": "甲公司", "district": "330103", "street": "330103001"},
    {"id": "L-7", "name": "乙", "district": "330103", "street": "330103001"}, {"id": "L-7", "name": "乙again", "district": "330103", "street": "330103001"},
    {"name": "无号", "district": "330103", "street": "330103001"}]'),
  E'1 rejected ent-A: enterprise ent-A is already in the store: import it to update it\n'
  '2 inserted L-7\n'
  '3 rejected L-7: the same enterprise appears earlier in this load\n'
  '4 rejected -: row has neither id nor credit_code',
  'a stored enterprise, a repeated one and a row without id are rejected one by one too');

-- load_register (what the app calls): the same rows, and the baseline run counts what was loaded.
select is(pg_temp.load_as(:s1, 'load_register', '[{"id": "L-8", "name": "武林三", "district": "330103", "street": "330103001"},
    {"id": "L-9", "name": "天水二", "district": "330103", "street": "天水街道"}]'),
  E'1 inserted L-8\n2 rejected L-9: enterprise L-9 is in another street (天水街道): only enterprises of 武林街道 are yours to load',
  'load_register: the same row results');
set local role service_role;
select is((select i.row_count || ' ' || i.street_id || ' ' || i.baseline || ' ' || (i.finished_at is not null) from public.register_imports i order by i.id desc limit 1),
  '1 330103001 true true', 'as a finished baseline run of the street with the one row loaded');
reset role;

-- ─── District staff: their district's rows (any street) load, another district's are named ──────
select is(pg_temp.load_as(:a, 'load_enterprises', '[
    {"id": "D-1", "name": "武林四", "district": "330103", "street": "武林街道"},
    {"id": "D-2", "name": "天水三", "district": "330103", "street": "天水街道"},
    {"id": "D-3", "name": "凯旋二", "district": "江干区", "street": "凯旋街道"},
    {"id": "D-4", "name": "凯旋三", "street": "330104001"},
    {"id": "D-5", "name": "无区", "lon": 120.16, "lat": 30.27}]'),
  E'1 inserted D-1\n2 inserted D-2\n'
  '3 rejected D-3: enterprise D-3 is in another district (江干区): only enterprises of 下城区 are yours to load\n'
  '4 rejected D-4: enterprise D-4 is in another district (江干区): only enterprises of 下城区 are yours to load\n'
  '5 inserted D-5',
  'district staff: both streets of their district load; another district''s rows are rejected naming it (found by its street too)');
select is(pg_temp.stored(array['D-1', 'D-2', 'D-3', 'D-4', 'D-5']), 'D-1@330103001,D-2@330103002,D-5@-', '…and only their district''s rows are stored');
select is(pg_temp.load_as(:a, 'load_enterprises', '[{"id": "D-7", "name": "错区", "district": "330104", "street": "330103001"}, {"id": "D-8", "name": "错区", "district": "江干区", "lon": 120.16, "lat": 30.27}]'),
  E'1 rejected D-7: enterprise D-7 is in another district (江干区): only enterprises of 下城区 are yours to load\n'
  '2 rejected D-8: enterprise D-8 is in another district (江干区): only enterprises of 下城区 are yours to load',
  'a row naming another district (which district staff cannot read) is rejected, whatever its street or point');
select is(pg_temp.load_as(:a, 'load_enterprises', '[{"id": "D-6", "name": "错区", "district": "330103", "street": "330104001"}]'),
  '1 rejected D-6: street 凯旋街道 is not a street of 下城区',
  'a row of their district naming another district''s street is rejected naming the street');

-- ─── City staff and the service role: every district; inconsistent rows still named ─────────────
select is(pg_temp.load_as(:city, 'load_enterprises', '[{"id": "C-1", "name": "市一", "district": "330103", "street": "天水街道"},
    {"id": "C-2", "name": "市二", "district": "330104", "street": "凯旋街道"},
    {"id": "C-3", "name": "市三", "district": "330103", "street": "330104001"}]'),
  E'1 inserted C-1\n2 inserted C-2\n3 rejected C-3: street 330104001 belongs to another district than the row''s (330103)',
  'city staff load every district; a street of another district than the row''s is a row problem, not a failed batch');
set local role service_role;
select is((select string_agg(r.action, ',' order by r.row_no) from public.load_enterprises('[{"id": "S-1", "district": "330104"}, {"id": "S-2", "district": "330103", "street": "330103002"}]') r),
  'inserted,inserted', 'the service role (seeding through PostgREST) is not limited to an area');
reset role;

-- ─── Who may call it ────────────────────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:nostaff, $$select * from public.load_enterprises('[{"id": "N-1", "district": "330103"}]')$$), '42501', 'a user without a staff row is refused');
select is(pg_temp.attempt('anon', $$select * from public.load_enterprises('[]')$$), '42501', 'anon: no execute privilege');
select is(pg_temp.attempt('anon', $$select * from public.load_register('[]')$$), '42501', 'anon: no execute privilege on load_register');
select is(pg_temp.attempt(:s1, $$select * from public.load_enterprises('[]')$$), 'ok', 'an empty load is fine');
select is(pg_temp.stored(array['N-1']), '', 'nothing of the refused call is stored');

-- ─── How they run ───────────────────────────────────────────────────────────────────────────────
select is((select count(*)::integer from pg_proc where oid in ('public.load_enterprises(jsonb)'::regprocedure, 'public.load_register(jsonb)'::regprocedure) and not prosecdef), 2,
  'both run with the caller''s rights (row-level security is the backstop)');
select is((select count(*)::integer from pg_proc where oid in ('public.load_enterprises(jsonb)'::regprocedure, 'public.load_register(jsonb)'::regprocedure)
  and 'search_path=""' = any (proconfig) and 'jit=off' = any (proconfig)), 2, 'with a pinned, empty search_path and without JIT');
select is(pg_get_function_result('public.load_enterprises(jsonb)'::regprocedure), 'TABLE(row_no integer, enterprise_id text, action text, message text)',
  'load_enterprises answers as upsert_enterprises does');
select is(pg_get_function_result('public.load_register(jsonb)'::regprocedure), pg_get_function_result('public.upsert_enterprises(jsonb, text)'::regprocedure),
  'so does load_register');
select is(pg_temp.attempt(:s1, $$select * from public.load_register('[{"id": "L-10", "district": "330103", "street": "330103001"}]')$$), 'ok', 'street staff may call load_register');
select is(pg_temp.stored(array['L-10']), 'L-10@330103001', '…which loads their row');

select * from finish();
rollback;
