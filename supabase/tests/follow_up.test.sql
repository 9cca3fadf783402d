-- The follow-up loop and new registrations (issue 16, parts 3–4): who may name an area's leader;
-- inspection notes (RLS, district checks on both targets, street staff, the feed); register imports
-- (new, deregistered, missing from a full register; scope; the run is its owner's; the baseline); the
-- bulletin's overdue, leader and new-registration figures.
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
create function pg_temp.value_as(who text, query text) returns text language plpgsql as $$
declare
  v text;
begin
  if who = 'service' then
    perform set_config('role', 'service_role', true);
    perform set_config('request.jwt.claims', '', true);
  else
    perform pg_temp.act_as(who);
  end if;
  execute query into v;
  return v;
end
$$;

\set a '''aaaaaaaa-0000-4000-8000-00000000000a'''
\set b '''bbbbbbbb-0000-4000-8000-00000000000b'''
\set city '''cccccccc-0000-4000-8000-00000000000c'''
\set nostaff '''eeeeeeee-0000-4000-8000-00000000000e'''
\set s1 '''5a5a5a5a-0000-4000-8000-000000000051'''
\set s2 '''5a5a5a5a-0000-4000-8000-000000000052'''

-- A second street in A with its plan item; street staff of both streets of A.
set local role service_role;
insert into public.areas (id, name, level, parent_id, district_id, geom) values
  ('330103002', '天水街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.175, 30.26, 120.20, 30.30, 4326)));
insert into public.enterprises (id, district_id, street_id, name, geom, employees, party_members, status) values
  ('ent-A4', '330103', '330103002', '甲四公司', extensions.st_setsrid(extensions.st_makepoint(120.18, 30.28), 4326), 20, 2, '正常');
insert into public.plan_items (id, district_id, title, kind, level, due_date) values
  ('aaaaaaaa-1111-4000-8000-00000000000c', '330103', '天水联合党支部', 'joint_branch', 'branch', '2011-11-10');
insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000c', 'ent-A4', '330103');
update public.plan_items set due_date = '2011-11-18' where id = 'aaaaaaaa-1111-4000-8000-00000000000a';
update public.enterprises set members_elsewhere = 3, members_transferred = 1, trade_union = true, key_category = '亿元以上' where id = 'ent-A';
insert into public.staff (user_id, name, role, district_id, street_id, is_admin) values
  ('5a5a5a5a-0000-4000-8000-000000000051', '武林街道', 'street', '330103', '330103001', false),
  ('5a5a5a5a-0000-4000-8000-000000000052', '天水街道', 'street', '330103', '330103002', false);
reset role;

-- ─── The leader of an area ──────────────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:city, $$select public.set_area_leader('330104', '王书记')$$), 'ok 1', 'city staff name the leader of any district');
select is(pg_temp.attempt(:a, $$select public.set_area_leader('330103001', ' 李部长 ')$$), 'ok 1', 'district staff name the leader of their street');
select is(pg_temp.attempt(:a, $$select public.set_area_leader('330103', '张区长')$$), 'ok 1', 'and of their district');
select is(pg_temp.attempt(:a, $$select public.set_area_leader('330104001', '冒名')$$), '42501', 'but not of another district''s street');
select is(pg_temp.attempt(:s1, $$select public.set_area_leader('330103001', '自封')$$), '42501', 'street staff do not name their own leader');
select is(pg_temp.attempt(:nostaff, $$select public.set_area_leader('330103001', 'x')$$), '42501', 'a user without a staff row names nobody');
select is(pg_temp.attempt(:a, $$select public.set_area_leader('999', 'x')$$), 'PT404', 'an unknown area is a PT404');
select is(pg_temp.value_as(:a, $$select leader from public.areas where id = '330103001'$$), '李部长', 'the leader is stored, trimmed');
select is(pg_temp.attempt(:a, $$update public.areas set leader = '直接改' where id = '330103001'$$), 'ok 0', 'the areas policies still keep district staff from writing areas directly');
select is(pg_temp.value_as(:a, $$select data ->> 'leader' from public.changes_since(0, 10000) where kind = 'area' and id = '330103001'$$), '李部长', 'the feed carries the area with its leader');
select is(pg_temp.value_as(:a, $$select leader from public.list_places('areas') where id = '330103'$$), '张区长', 'list_places reads the leader');
select is(pg_temp.value_as('service', $$select string_agg(action, ',') from public.upsert_places('areas', '[{"type":"Feature","properties":{"id":"330103001","name":"武林街道","level":"street","parent":"330103","leader":"赵主任"},"geometry":{"type":"Polygon","coordinates":[[[120.15,30.26],[120.175,30.26],[120.175,30.30],[120.15,30.30],[120.15,30.26]]]}},{"type":"Feature","properties":{"id":"330103","name":"下城区","level":"district"},"geometry":{"type":"Polygon","coordinates":[[[120.15,30.26],[120.20,30.26],[120.20,30.30],[120.15,30.30],[120.15,30.26]]]}}]')$$),
  'upserted,upserted', 'an areas.geojson import carries leader');
select is(pg_temp.value_as('service', $$select string_agg(leader, ',' order by id) from public.areas where id in ('330103', '330103001')$$), '张区长,赵主任',
  'a feature with leader sets it; one without keeps the stored leader');

-- ─── Inspection notes ───────────────────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:a, $$select public.save_inspection_note('{"area_id":"330103001","inspected_on":"2011-11-08","inspector":"市督查组","finding":"摸排未完成","follow_up_due":"2011-11-15"}')$$),
  'ok 1', 'district A records a note on its street');
select is(pg_temp.value_as(:a, $$select district_id || ' ' || (updated_by = auth.uid())::text from public.inspection_notes where finding = '摸排未完成'$$),
  '330103 true', 'the note takes the street''s district and its author');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note('{"plan_item_id":"aaaaaaaa-1111-4000-8000-00000000000a","inspector":"区督查组","finding":"负责人未到位"}')$$),
  'ok 1', 'and on its plan item');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note('{"plan_item_id":"bbbbbbbb-1111-4000-8000-00000000000b","inspector":"x","finding":"y"}')$$),
  '42501', 'not on district B''s plan item (the note would be B''s)');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note('{"area_id":"330104001","inspector":"x","finding":"y"}')$$),
  '42501', 'nor on B''s street');
select is(pg_temp.attempt(:a, $$insert into public.inspection_notes (area_id, plan_item_id, district_id, inspected_on, inspector, finding) values ('330103001', 'aaaaaaaa-1111-4000-8000-00000000000a', '330103', '2011-11-08', 'x', 'y')$$),
  '23514', 'a note names one target');
select is(pg_temp.attempt(:a, $$insert into public.inspection_notes (area_id, district_id, inspected_on, inspector, finding) values ('330104001', '330103', '2011-11-08', 'x', 'y')$$),
  '42501', 'a district_id sent with the row is replaced by the target''s (and then refused)');
select is(pg_temp.attempt(:a, $$insert into public.inspection_notes (area_id, inspected_on, inspector, finding) values ('nowhere', '2011-11-08', 'x', 'y')$$),
  '23503', 'a missing target is refused');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note('{"area_id":"330103001","inspector":"  ","finding":"y"}')$$), '23514', 'a note names its inspector');
select is(pg_temp.attempt(:b, $$update public.inspection_notes set finding = '改' where district_id = '330103'$$), 'ok 0', 'district B changes none of A''s notes');
select is(pg_temp.value_as(:b, $$select count(*) from public.inspection_notes$$), '0', 'and sees none');
select is(pg_temp.value_as(:b, $$select count(*) from public.changes_since(0, 10000) where kind = 'inspection_note'$$), '0', 'nor in the feed');
select is(pg_temp.value_as(:a, $$select count(*) from public.changes_since(0, 10000) where kind = 'inspection_note' and data ->> 'inspector' <> ''$$), '2', 'A follows its notes through the feed');
select is(pg_temp.attempt(:s1, $$select public.save_inspection_note('{"area_id":"330103001","inspector":"街道自查","finding":"已上门"}')$$), 'ok 1', 'street staff note their own street');
select is(pg_temp.attempt(:s1, $$select public.save_inspection_note('{"plan_item_id":"aaaaaaaa-1111-4000-8000-00000000000c","inspector":"x","finding":"y"}')$$), '42501', 'not another street''s plan item');
select is(pg_temp.attempt(:s2, $$select public.save_inspection_note('{"plan_item_id":"aaaaaaaa-1111-4000-8000-00000000000c","inspector":"街道","finding":"已约谈"}')$$), 'ok 1', 'that street''s staff may');
select is(pg_temp.attempt(:s2, $$delete from public.inspection_notes where area_id = '330103001'$$), 'ok 0', 'street staff delete no note of another street');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note(jsonb_build_object('id', (select id from public.inspection_notes where finding = '摸排未完成'), 'version', 1, 'resolved', true))$$),
  'ok 1', 'a note is resolved at its version');
select is(pg_temp.attempt(:a, $$select public.save_inspection_note(jsonb_build_object('id', (select id from public.inspection_notes where finding = '摸排未完成'), 'version', 1, 'finding', '旧'))$$),
  'PT409', 'an edit on an older version is refused');
select is(pg_temp.attempt(:city, $$update public.plan_items set district_id = '330104' where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  '42501', 'a plan item cannot move to another district and leave its notes behind');

-- ─── Register imports ───────────────────────────────────────────────────────────────────────────
-- A full register of district A: ent-A again, ent-A2 deregistered, a new enterprise; ent-A4 is not listed.
select pg_temp.act_as(:a);
create temp table run_a as select public.start_register_import(true, 3) as id;
grant select on run_a to public;
select is(pg_temp.value_as(:a, $$select string_agg(action, ',' order by row_no) from public.import_register_rows((select id from run_a), '[
  {"id":"ent-A","name":"甲公司","district":"330103","street":"330103001","lon":120.16,"lat":30.27,"employees":40,"status":"正常"},
  {"id":"ent-A2","name":"甲二公司","district":"330103","street":"330103001","lon":120.17,"lat":30.28,"employees":12,"party_members":3,"status":"注销","org_id":"org-A"},
  {"id":"ent-new","name":"新登记公司","district":"330103","street":"330103001","lon":120.165,"lat":30.275,"employees":35,"status":"正常"}]')$$),
  'updated,updated,inserted', 'a chunk of the run goes through upsert_enterprises');
select is(pg_temp.attempt(:b, $$select public.import_register_rows((select id from run_a), '[]')$$), 'PT404', 'nobody else adds to A''s run');
select is(pg_temp.value_as(:a, $$select new_count || ' new, ' || left_count || ' left' from public.finish_register_import((select id from run_a))$$),
  '1 new, 2 left', 'the run ends with one new and two gone');
select is(pg_temp.value_as(:a, $$select string_agg(enterprise_id || ':' || change || ':' || reason, ',' order by enterprise_id) from public.register_changes$$),
  'ent-A2:left:deregistered,ent-A4:left:missing,ent-new:new:registered', 'new, deregistered and missing from the full register');
select is(pg_temp.attempt(:a, $$select public.finish_register_import((select id from run_a))$$), 'PT404', 'a finished run is closed');
select is(pg_temp.value_as(:b, $$select count(*) from public.register_changes$$), '0', 'district B sees none of A''s changes');
select is(pg_temp.value_as(:a, $$select count(*) from public.changes_since(0, 10000) where kind = 'register_change'$$), '3', 'A follows them through the feed');
select is(pg_temp.attempt(:a, $$insert into public.register_changes (import_id, enterprise_id, change, reason, seen_on) values ((select id from run_a), 'ent-A', 'new', 'registered', '2011-11-01')$$),
  '42501', 'nobody writes the changes directly');
-- A second full register that lists none of A's rows (its one row, B's, is refused): what left since.
select pg_temp.act_as(:a);
create temp table run_a2 as select public.start_register_import(true, 1) as id;
grant select on run_a2 to public;
select is(pg_temp.value_as(:a, $$select string_agg(action, ',') from public.import_register_rows((select id from run_a2), '[{"id":"ent-B","name":"乙公司","district":"330104"}]')$$),
  'rejected', 'district A''s run refuses B''s row');
select is(pg_temp.value_as(:a, $$select left_count from public.finish_register_import((select id from run_a2))$$), '2',
  'a later full register lists ent-A and ent-new as gone, not ent-A4 again (gone already) nor the deregistered');
select pg_temp.act_as(:s1);
create temp table run_s1 as select public.start_register_import(true, 0) as id;
grant select on run_s1 to public;
select is(pg_temp.value_as(:s1, $$select i.street_id || ' ' || coalesce(i.district_id, '-') from public.register_imports i where i.id = (select id from run_s1)$$),
  '330103001 330103', 'a street user''s run has the street as its scope');
select is(pg_temp.value_as(:city, $$select count(*)::text from public.load_register('[{"id":"ent-city","name":"市里导入","district":"330104","status":"正常"}]') r where r.action = 'inserted'$$), '1', 'the trusted bulk load loads');
select is(pg_temp.value_as(:city, $$select baseline::text || ' ' || new_count || ' ' || (finished_at is not null)::text from public.register_imports order by id desc limit 1$$),
  'true 0 true', 'as a finished baseline run with no changes');

-- ─── The bulletin ───────────────────────────────────────────────────────────────────────────────
select pg_temp.act_as(:city);
select public.take_bulletin_snapshot((now() at time zone 'Asia/Shanghai')::date);
select is(pg_temp.value_as(:city, $$select overdue || ' overdue, ' || due_soon || ' due soon, ' || leader from public.bulletin_snapshots where area_id = '330103' and taken_on = (now() at time zone 'Asia/Shanghai')::date$$),
  '2 overdue, 0 due soon, 张区长', 'the snapshot counts A''s open items past due, and names the leader');
select is(pg_temp.value_as(:city, $$select new_registrations || '/' || new_registrations_covered from public.bulletin_snapshots where area_id = '330103001' and taken_on = (now() at time zone 'Asia/Shanghai')::date$$),
  '1/0', 'and the month''s new registrations of the street (ent-new, first seen today, not covered)');
select is(pg_temp.value_as(:city, $$select members_elsewhere || '/' || members_transferred || '/' || mass_org_no_party || '/' || key_enterprises
  from public.bulletin_snapshots where area_id = '330103001' and taken_on = (now() at time zone 'Asia/Shanghai')::date$$),
  '3/1/1/1',
  'and the campaign figures of 20261202001400 for the street');
select is(pg_temp.value_as(:city, $$select overdue || '/' || due_soon from public.take_bulletin_snapshot('2011-11-12') s where area_id = '330103002'$$),
  '1/0', 'on 2011-11-12 天水''s item (due 11-10) is overdue in its street');
select is(pg_temp.value_as(:city, $$select overdue || '/' || due_soon from public.bulletin_snapshots where area_id = '330103001' and taken_on = '2011-11-12'$$),
  '0/1', 'and 武林''s (due 11-18) due within 7 days');

select * from finish();
rollback;
