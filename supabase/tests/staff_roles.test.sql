-- Staff roles and approval (issue 13): street staff (乡镇街道) of district A against another street of A
-- and against district B; district admins, city staff, city admins and non-admins approving; the
-- pending user; every change audited; Realtime channel policies and the feed's wake-up.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(91);

-- Runs a statement as someone: 'ok <rows>' or the SQLSTATE it raised (effects stay when it succeeds).
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
-- A scalar as someone (null when it raised).
create function pg_temp.value_as(who text, query text) returns text language plpgsql as $$
declare
  v text;
begin
  perform pg_temp.act_as(who);
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
\set da '''dadadada-0000-4000-8000-0000000000da'''
\set ca '''cacacaca-0000-4000-8000-0000000000ca'''
\set other '''ffffffff-0000-4000-8000-00000000000f'''
\set fresh '''12121212-0000-4000-8000-000000000012'''

-- A second street in A (天水街道) with its enterprise and plan item; street staff of both streets, a
-- district admin of A, a city admin; a sign-up by someone else.
set local role service_role;
insert into public.areas (id, name, level, parent_id, district_id, geom) values
  ('330103002', '天水街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.175, 30.26, 120.20, 30.30, 4326)));
insert into public.enterprises (id, district_id, street_id, name, geom, employees, party_members, status) values
  ('ent-A4', '330103', '330103002', '甲四公司', extensions.st_setsrid(extensions.st_makepoint(120.18, 30.28), 4326), 20, 2, '正常');
insert into public.organizations (id, district_id, name, level, form) values ('org-A4', '330103', '甲四党支部', 'branch', 'standalone');
insert into public.organization_enterprises values ('org-A4', 'ent-A4', '330103');
insert into public.plan_items (id, district_id, title, kind, level) values
  ('aaaaaaaa-1111-4000-8000-00000000000c', '330103', '天水联合党支部', 'joint_branch', 'branch');
insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000c', 'ent-A4', '330103');
insert into public.staff (user_id, name, role, district_id, street_id, is_admin) values
  ('5a5a5a5a-0000-4000-8000-000000000051', '武林街道', 'street', '330103', '330103001', false),
  ('5a5a5a5a-0000-4000-8000-000000000052', '天水街道', 'street', '330103', '330103002', false),
  ('dadadada-0000-4000-8000-0000000000da', 'A 区管理员', 'district', '330103', null, true),
  ('cacacaca-0000-4000-8000-0000000000ca', '市管理员', 'city', null, null, true);
insert into public.staff_requests (user_id, name, district_id) values ('ffffffff-0000-4000-8000-00000000000f', '别人', '330104');
reset role;

-- ─── The street role's constraints ──────────────────────────────────────────────────────────────
set local role service_role;
select throws_ok($$insert into public.staff (user_id, role, district_id) values (gen_random_uuid(), 'street', '330103')$$,
  '23514', null, 'a street staff row names its street');
select throws_ok($$insert into public.staff (user_id, role, district_id, street_id, is_admin) values (gen_random_uuid(), 'street', '330103', '330103001', true)$$,
  '23514', null, 'street staff are never admins');
select throws_ok($$insert into public.staff (user_id, role, district_id) values (gen_random_uuid(), 'city', '330103')$$,
  '23514', null, 'city staff have no district');

-- ─── Street staff of A's 武林街道 (s1): read the district, write the street ─────────────────────
select is(pg_temp.attempt(:s1, $$select 1 from public.enterprises where id in ('ent-A', 'ent-A2', 'ent-A4')$$), 'ok 3', 'street: reads every enterprise of its district (its street and the other)');
select is(pg_temp.attempt(:s1, $$select 1 from public.enterprises where id = 'ent-B'$$), 'ok 0', 'street: reads nothing of district B');
select is(pg_temp.attempt(:s1, $$select 1 from public.plan_items$$), 'ok 2', 'street: reads the plan items of its district (its street''s and the other street''s)');
select is(pg_temp.attempt(:s1, $$select 1 from public.buildings where id = 'bld-A'$$), 'ok 1', 'street: reads its district''s buildings');
select is(pg_temp.attempt(:s1, $$select 1 from public.feed where district_id = '330103'$$) <> 'ok 0', true, 'street: follows its district''s change feed');
select is(pg_temp.attempt(:s1, $$select 1 from public.feed where district_id = '330104'$$), 'ok 0', 'street: sees none of B''s feed');

select is(pg_temp.attempt(:s1, $$update public.enterprises set name = name || '（改）' where id = 'ent-A'$$), 'ok 1', 'street: edits an enterprise of its street');
select is(pg_temp.attempt(:s1, $$select public.update_enterprise('ent-A2', '{"employees": 13}', 1)$$), 'ok 1', 'street: edits through update_enterprise');
select is(pg_temp.attempt(:s1, $$update public.enterprises set name = 'x' where id = 'ent-A4'$$), 'ok 0', 'street: cannot edit an enterprise of another street of its district');
select is(pg_temp.attempt(:s1, $$select public.update_enterprise('ent-A4', '{"employees": 99}', 1)$$), '42501', 'street: update_enterprise on another street''s enterprise is refused as such (42501 since 20261202001600, not PT409; it may read it, not change it)');
set local role service_role;
select is((select employees from public.enterprises where id = 'ent-A4'), 20, 'street: …the other street''s enterprise is unchanged');
select is(pg_temp.attempt(:s1, $$delete from public.enterprises where id = 'ent-A4'$$), 'ok 0', 'street: cannot delete another street''s enterprise');
select is(pg_temp.attempt(:s1, $$update public.enterprises set street_id = '330103002' where id = 'ent-A'$$), '42501', 'street: cannot move an enterprise out of its street');
select is(pg_temp.attempt(:s1, $$insert into public.enterprises (id, district_id, street_id, name) values ('ent-s1', '330103', '330103001', '新')$$), 'ok 1', 'street: adds an enterprise to its street');
select is(pg_temp.attempt(:s1, $$insert into public.enterprises (id, district_id, street_id, name) values ('ent-s2', '330103', '330103002', '新')$$), '42501', 'street: cannot add an enterprise to another street');
select is(pg_temp.attempt(:s1, $$insert into public.enterprises (id, district_id, name) values ('ent-s3', '330103', '无街道')$$), '42501', 'street: cannot add an enterprise without a street');
select is(pg_temp.value_as(:s1, $$select action || ': ' || message from public.upsert_enterprises('[{"id": "ent-A4", "name": "借导入改", "district_id": "330103", "street_id": "330103002"}]', 'apply')$$),
  'rejected: only enterprises of street 330103001 are yours to change', 'street: an import refuses another street''s enterprise with the reason…');
select is(pg_temp.value_as(:s1, $$select action || ': ' || message from public.upsert_enterprises('[{"id": "ent-A2", "name": "搬走", "district_id": "330103", "street_id": "330103002"}]', 'apply')$$),
  'rejected: only enterprises of street 330103001 are yours to change', 'street: …and an import cannot move its enterprise to another street');
select is(pg_temp.value_as(:s1, $$select action from public.upsert_enterprises('[{"id": "ent-s9", "name": "导入新", "district_id": "330103", "street_id": "330103001"}]', 'apply')$$),
  'inserted', 'street: an import adds to its own street');
set local role service_role;
select isnt((select name from public.enterprises where id = 'ent-A4'), '借导入改', 'street: …and does not change it');

-- Plan items: theirs when every member is in their street.
select is(pg_temp.attempt(:s1, $$select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000a', '{"title": "武林联合党支部"}', 1)$$), 'ok 1', 'street: edits a plan item whose members are all in its street');
select is(pg_temp.attempt(:s1, $$update public.plan_items set title = 'x' where id = 'aaaaaaaa-1111-4000-8000-00000000000c'$$), 'ok 0', 'street: cannot edit a plan item of another street');
select is(pg_temp.attempt(:s1, $$select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000c', '{"title": "x"}', 1)$$), 'PT409', 'street: update_plan_item on another street''s item finds nothing it may change');
select is(pg_temp.attempt(:s1, $$select public.delete_plan_item('aaaaaaaa-1111-4000-8000-00000000000c', 1)$$), 'PT409', 'street: cannot delete another street''s plan item');
select is(pg_temp.attempt(:s1, $$select public.create_plan_item('{"district_id": "330103", "title": "跨街", "kind": "joint_branch", "enterprise_ids": ["ent-A", "ent-A4"]}')$$),
  '42501', 'street: cannot create a plan item that names another street''s enterprise');
select is(pg_temp.attempt(:s1, $$select public.create_plan_item('{"district_id": "330103", "title": "本街", "kind": "joint_branch", "enterprise_ids": ["ent-A"]}')$$),
  'ok 1', 'street: creates a plan item of its street''s enterprises');
select is(pg_temp.attempt(:s1, $$select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000a', '{"enterprise_ids": ["ent-A2", "ent-A4"]}', 2)$$),
  '42501', 'street: cannot add another street''s enterprise to its plan item');
select is(pg_temp.attempt(:s1, $$insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000c', 'ent-A', '330103')$$),
  '42501', 'street: cannot attach its enterprise to another street''s plan item');
select is(pg_temp.attempt(:s1, $$delete from public.plan_item_enterprises where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000c'$$),
  'ok 0', 'street: cannot strip another street''s plan item of its members');
select is(pg_temp.attempt(:s1, $$select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'forming', 2)$$), 'ok 1', 'street: moves its plan item to 组建中');
select is(pg_temp.attempt(:s1, $$select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'formed', 3)$$), 'ok 1', 'street: forms its plan item (挂牌销号 in its street)');
select is(pg_temp.attempt(:s1, $$select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000c', 'forming', 1)$$), 'PT409', 'street: cannot move another street''s plan item');

-- Organizations: theirs when every enterprise they cover is in their street.
select is(pg_temp.attempt(:s1, $$update public.organizations set secretary = '张三' where id = 'org-A'$$), 'ok 1', 'street: edits an organization covering only its street');
select is(pg_temp.attempt(:s1, $$update public.organizations set secretary = '李四' where id = 'org-A4'$$), 'ok 0', 'street: cannot edit another street''s organization');
select is(pg_temp.attempt(:s1, $$insert into public.organization_enterprises values ('org-A4', 'ent-A', '330103')$$), '42501', 'street: cannot put its enterprise under another street''s organization');
select is(pg_temp.attempt(:s1, $$delete from public.organization_enterprises where organization_id = 'org-A4'$$), 'ok 0', 'street: cannot unlink another street''s organization');

-- District data is read only; bulletins only for its own street.
select is(pg_temp.attempt(:s1, $$update public.buildings set name = 'x' where id = 'bld-A'$$), 'ok 0', 'street: cannot edit a building');
select is(pg_temp.attempt(:s1, $$insert into public.zones (id, district_id, kind, geom) values ('zone-s', '330103', 'market', extensions.st_multi(extensions.st_makeenvelope(120.16, 30.27, 120.161, 30.271, 4326)))$$), '42501', 'street: cannot add a zone');
select is(pg_temp.attempt(:s1, $$delete from public.slides where district_id = '330103'$$), 'ok 0', 'street: cannot delete the district''s slides');
select is(pg_temp.attempt(:s1, $$update public.areas set name = 'x' where id = '330103001'$$), 'ok 0', 'street: cannot edit its own street''s outline');
select is(pg_temp.attempt(:s1, $$insert into public.bulletin_snapshots (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover, must_cover_covered, six_clears_complete) values ('2011-11-15', '330103', '330103', 1, 1, 1, 0, 1, 1, 1)$$), '42501', 'street: cannot write the district''s bulletin figures');
select is(pg_temp.attempt(:s1, $$insert into public.bulletin_snapshots (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover, must_cover_covered, six_clears_complete) values ('2011-11-15', '330103001', '330103', 1, 1, 1, 0, 1, 1, 1)$$), 'ok 1', 'street: writes its own street''s bulletin figures');

-- Against district B.
select is(pg_temp.attempt(:s1, $$update public.enterprises set name = 'x' where id = 'ent-B'$$), 'ok 0', 'street: cannot edit B''s enterprise');
select is(pg_temp.attempt(:s1, $$insert into public.enterprises (id, district_id, street_id) values ('ent-sB', '330104', '330104001')$$), '42501', 'street: cannot add an enterprise to B''s street');
select is(pg_temp.attempt(:s1, $$update public.enterprises set district_id = '330104', street_id = '330104001' where id = 'ent-A'$$), '42501', 'street: cannot move its enterprise to B');

-- Street staff manage nobody.
select is(pg_temp.attempt(:s1, format($$select public.set_staff(%L, 'street', '330103', '330103001')$$, :fresh)), '42501', 'street: cannot approve anyone');
select is(pg_temp.attempt(:s1, $$insert into public.staff (user_id, role, district_id, street_id) values (gen_random_uuid(), 'street', '330103', '330103001')$$), '42501', 'street: cannot insert staff rows');

-- ─── The pending user (signed in, no staff row) ─────────────────────────────────────────────────
select is(pg_temp.attempt(:nostaff, $$select 1 from public.enterprises$$), '42501', 'pending: reads no data');
select is(pg_temp.value_as(:nostaff, $$select public.whoami() -> 'staff'$$), 'null', 'pending: whoami answers, without a staff row');
select is(pg_temp.attempt(:nostaff, $$select public.request_staff_access('新人', 'new@example.org', '330103', '330103001', '武林街道党建办')$$), 'ok 1', 'pending: files a request for themselves');
select is(pg_temp.attempt(:nostaff, $$select public.request_staff_access('新人', 'new@example.org', '330103', null, '')$$), '23505', 'pending: exactly one request');
select is(pg_temp.attempt(:nostaff, format($$insert into public.staff_requests (user_id, name) values (%L, '冒名')$$, :fresh)), '42501', 'pending: cannot file a request for someone else');
select is(pg_temp.attempt(:nostaff, $$select 1 from public.staff_requests$$), 'ok 1', 'pending: reads only their own request (not the other sign-up)');
select is(pg_temp.value_as(:nostaff, $$select public.whoami() #>> '{request,status}'$$), 'pending', 'pending: whoami shows the request as pending');
select is(pg_temp.attempt(:nostaff, $$update public.staff_requests set status = 'approved'$$), '42501', 'pending: cannot approve their own request');
select is(pg_temp.attempt(:nostaff, format($$select public.set_staff(%L, 'city', admin => true)$$, :nostaff)), '42501', 'pending: cannot make themselves staff');
select is(pg_temp.attempt(:nostaff, $$select 1 from public.staff$$), '42501', 'pending: reads no staff list');
select is(pg_temp.attempt(:a, $$insert into public.staff_requests (name) values ('已有')$$), '42501', 'staff cannot file a request');

-- ─── Approving ──────────────────────────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:city, format($$select public.set_staff(%L, 'district', '330104')$$, :nostaff)), '42501', 'a city non-admin approves nobody');
select is(pg_temp.attempt(:a, format($$select public.set_staff(%L, 'street', '330103', '330103001')$$, :nostaff)), '42501', 'a district non-admin approves nobody');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'city', admin => true)$$, :nostaff)), '42501', 'a district admin cannot create a city admin');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'district', '330103')$$, :nostaff)), '42501', 'a district admin cannot create district staff');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'street', '330104', '330104001')$$, :nostaff)), '42501', 'a district admin cannot appoint street staff of B');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'street', '330103', '330104001')$$, :nostaff)), '22023', 'a street must be one of the district''s');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'street', '330103', '330103001')$$, :a)), '42501', 'a district admin cannot demote district staff to a street');
select is(pg_temp.attempt(:da, format($$select public.revoke_staff(%L)$$, :a)), '42501', 'a district admin cannot revoke district staff');
select is(pg_temp.attempt(:da, format($$select public.reject_staff_request(%L)$$, :other)), '42501', 'a district admin cannot decide a request naming B');
select is(pg_temp.attempt(:da, $$select 1 from public.staff_requests$$), 'ok 1', 'a district admin sees the requests naming its district only');
select is(pg_temp.attempt(:da, format($$select public.set_staff(%L, 'street', '330103', '330103001')$$, :nostaff)), 'ok 1', 'a district admin approves street staff of its district');
select is(pg_temp.attempt(:da, format($$select public.revoke_staff(%L)$$, :s2)), 'ok 1', 'a district admin revokes its district''s street staff');
select is(pg_temp.attempt(:ca, format($$select public.revoke_staff(%L)$$, :ca)), '42501', 'nobody changes their own staff row (the last city admin stays)');
select is(pg_temp.attempt(:ca, format($$select public.set_staff(%L, 'district', '330104', staff_name => '乙区新人')$$, :nostaff)), 'ok 1', 'a city admin changes anyone: street → district B');
set local role service_role;
select is((select array_agg(format('%s %s by %s', action, (coalesce(new_row, old_row) ->> 'role'), user_id) order by id) from public.audit_log
           where table_name = 'staff' and user_id is not null and row_id in ('eeeeeeee-0000-4000-8000-00000000000e', '5a5a5a5a-0000-4000-8000-000000000052')),
  array['insert street by dadadada-0000-4000-8000-0000000000da', 'delete street by dadadada-0000-4000-8000-0000000000da',
        'update district by cacacaca-0000-4000-8000-0000000000ca'],
  'every staff change is audited: who did it to whom (and when: audit_log.at)');
select is((select status || ' by ' || reviewed_by from public.staff_requests where user_id = 'eeeeeeee-0000-4000-8000-00000000000e'),
  'approved by dadadada-0000-4000-8000-0000000000da', 'the request records who approved it');
select is(pg_temp.attempt(:nostaff, $$select 1 from public.enterprises$$), 'ok 1', 'the approved user now reads their district (B: one enterprise)');
select is(pg_temp.attempt(:ca, format($$select public.reject_staff_request(%L)$$, :other)), 'ok 1', 'a city admin turns a request down');

-- ─── Realtime: who receives `district:<code>` ───────────────────────────────────────────────────
set local role service_role;
insert into realtime.messages (topic, extension, payload, event, private) values
  ('district:330103', 'broadcast', '{"seq": 1}', 'feed', true), ('district:330104', 'broadcast', '{"seq": 1}', 'feed', true),
  ('city', 'broadcast', '{"seq": 1}', 'feed', true);
create function pg_temp.receives(who text, topic text) returns text language plpgsql as $$
declare
  n integer;
begin
  perform pg_temp.act_as(who);
  perform set_config('realtime.topic', topic, true);
  select count(*) into n from realtime.messages m where m.topic = (select realtime.topic());
  return case when n > 0 then 'yes' else 'no' end;
exception when others then
  return sqlstate;
end
$$;
select is(pg_temp.receives(:a, 'district:330103') || pg_temp.receives(:a, 'district:330104') || pg_temp.receives(:a, 'city'), 'yesnono', 'realtime: district A staff receive district:330103 only');
select is(pg_temp.receives(:s1, 'district:330103') || pg_temp.receives(:s1, 'district:330104'), 'yesno', 'realtime: street staff of A receive their district''s channel only');
select is(pg_temp.receives(:city, 'district:330103') || pg_temp.receives(:city, 'district:330104') || pg_temp.receives(:city, 'city'), 'yesyesyes', 'realtime: the city receives every district and the city channel');
select is(pg_temp.receives(:fresh, 'district:330103') || pg_temp.receives(:fresh, 'city'), 'nono', 'realtime: a user without a staff row receives nothing');
select is(pg_temp.receives('anon', 'district:330103'), '42501', 'realtime: anon is refused');
select is(pg_temp.attempt(:a, $$select set_config('realtime.topic', 'district:330103', true); insert into realtime.messages (topic, extension, event) values ('district:330103', 'presence', 'track')$$), 'ok 1', 'realtime: district A tracks presence on its channel');
select is(pg_temp.attempt(:a, $$select set_config('realtime.topic', 'district:330104', true); insert into realtime.messages (topic, extension, event) values ('district:330104', 'presence', 'track')$$), '42501', 'realtime: …and not on B''s');
select is(pg_temp.attempt(:a, $$select set_config('realtime.topic', 'district:330103', true); insert into realtime.messages (topic, extension, event) values ('district:330103', 'broadcast', 'fake')$$), '42501', 'realtime: clients cannot broadcast fake wake-ups');

-- The feed's wake-up: skipped without realtime.send (Debian, PGlite); with Supabase's function it sends
-- one message to the district and one to the city per feed statement. (The stand-in below is the test's:
-- test/db/pg-cluster.sh lets the runner create objects in the realtime schema.)
set local role service_role;
delete from realtime.messages;
select is(pg_temp.attempt(:a, $$update public.enterprises set name = name where id = 'ent-A'$$), 'ok 1', 'realtime: without realtime.send a write still succeeds');
set local role service_role;
select is((select count(*)::integer from realtime.messages), 0, 'realtime: …and broadcasts nothing');
reset role;
create function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void
language plpgsql as $$
begin
  insert into realtime.messages (payload, event, topic, private, extension) values (payload, event, topic, private, 'broadcast');
end
$$;
select is(pg_temp.attempt(:a, $$update public.enterprises set name = name where id = 'ent-A'$$), 'ok 1', 'realtime: with realtime.send a write succeeds');
set local role service_role;
select is((select array_agg(topic || ' ' || event || ' ' || (payload ->> 'seq' = (select max(seq)::text from public.feed))::text order by topic) from realtime.messages),
  array['city feed true', 'district:330103 feed true'], 'realtime: …and wakes district:330103 and the city with the newest sequence number');

select * from finish();
rollback;
