-- Attacks across districts (issue 11): district A (330103) against district B (330104), city staff,
-- a signed-in user without a staff row, and anon. Each numbered section is one class of the issue.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(66);

-- Runs a statement as someone in a subtransaction: 'ok <rows>' or the SQLSTATE it raised. The
-- statement's effects stay when it succeeds.
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
\set nostaff '''eeeeeeee-0000-4000-8000-00000000000e'''

-- ─── 1. Link tables: parent, child and link row in one district ──────────────────────────────────
select is(pg_temp.attempt(:a, $$select public.create_plan_item('{"district_id": "330103", "title": "越界", "kind": "joint_branch", "enterprise_ids": ["ent-B"]}')$$),
  '42501', '1: district A cannot create a plan item that names B''s enterprise');
select is(pg_temp.attempt(:a, $$select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000a', '{"enterprise_ids": ["ent-A2", "ent-B"]}', 1)$$),
  '42501', '1: district A cannot add B''s enterprise to its plan item');
select is(pg_temp.attempt(:a, $$insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000a', 'ent-B', '330103')$$),
  '42501', '1: district A cannot link B''s enterprise to its plan item by a direct insert');
select is(pg_temp.attempt(:a, $$insert into public.plan_item_enterprises values ('bbbbbbbb-1111-4000-8000-00000000000b', 'ent-A', '330103')$$),
  '42501', '1: district A cannot attach its enterprise to B''s plan item');
select is(pg_temp.attempt(:a, $$update public.plan_item_enterprises set enterprise_id = 'ent-B' where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  '42501', '1: district A cannot re-point a link row at B''s enterprise');
select is(pg_temp.attempt(:a, $$insert into public.organization_enterprises values ('org-A', 'ent-B', '330103')$$),
  '42501', '1: district A cannot make its organization cover B''s enterprise');
select is(pg_temp.attempt(:a, $$insert into public.organization_enterprises values ('org-B', 'ent-A', '330103')$$),
  '42501', '1: district A cannot put its enterprise under B''s organization');
select is(pg_temp.attempt(:city, $$select public.create_plan_item('{"district_id": "330103", "title": "跨区", "kind": "joint_branch", "enterprise_ids": ["ent-A", "ent-B"]}')$$),
  '42501', '1: city staff cannot create a cross-district plan item either');
select is(pg_temp.attempt(:city, $$insert into public.organization_enterprises values ('org-A', 'ent-B', '330104')$$),
  '42501', '1: city staff cannot link B''s enterprise to A''s organization');
select is(pg_temp.attempt(:city, $$insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000a', 'ent-A', '330104')$$),
  'ok 1', '1: a link row in one district is fine…');
set local role service_role;
select is((select district_id from public.plan_item_enterprises where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000a' and enterprise_id = 'ent-A'),
  '330103', '1: …and takes its district from the plan item, not from the client');
select is(pg_temp.attempt(:city, $$update public.enterprises set district_id = '330104', street_id = '330104001' where id = 'ent-A2'$$),
  '42501', '1: moving a linked enterprise to another district is refused (its plan item and organization stay in A)');
select is(pg_temp.attempt(:city, $$update public.plan_items set district_id = '330104' where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  '42501', '1: moving a plan item with members to another district is refused');
-- The original attack end to end: A creates a work-coverage item naming B's enterprise and the city
-- forms it, which would mark B's enterprise as covered by A's work.
create function pg_temp.form_item(creator text, former text, item jsonb) returns void language plpgsql as $$
declare
  created text;
begin
  perform pg_temp.act_as(creator);
  select r.id into created from public.create_plan_item(item) r;
  perform pg_temp.act_as(former);
  perform public.set_plan_item_status(created::uuid, 'forming', 1);
  perform public.set_plan_item_status(created::uuid, 'formed', 2);
exception when others then
  null;
end
$$;
select pg_temp.form_item(:a, :city, '{"district_id": "330103", "title": "工作覆盖", "kind": "work_coverage", "enterprise_ids": ["ent-B"]}');
set local role service_role;
select is((select org_id || '/' || work_covered from public.enterprises where id = 'ent-B'), 'org-B/false', '1: B''s enterprise is not covered by A''s formed item');
select is((select count(*)::integer from public.plan_item_enterprises m join public.enterprises e on e.id = m.enterprise_id where m.district_id is distinct from e.district_id),
  0, '1: no link row anywhere joins two districts');

-- ─── 2. References stay inside the row's district ───────────────────────────────────────────────
select is(pg_temp.attempt(:a, $$update public.enterprises set street_id = '330104001' where id = 'ent-A'$$),
  '42501', '2: district A cannot put its enterprise in B''s street');
select is(pg_temp.attempt(:a, $$update public.enterprises set org_id = 'org-B' where id = 'ent-A'$$),
  '42501', '2: district A cannot name B''s organization as its enterprise''s org_id');
select is(pg_temp.attempt(:a, $$select public.update_enterprise('ent-A', '{"org_id": "org-B"}', (select version from public.enterprises where id = 'ent-A'))$$),
  '42501', '2: … nor through update_enterprise');
select is(pg_temp.attempt(:a, $$insert into public.enterprises (id, district_id, street_id, name) values ('ent-x', '330103', '330104001', 'x')$$),
  '42501', '2: district A cannot insert an enterprise in B''s street');
select is(pg_temp.attempt(:a, $$insert into public.organizations (id, district_id, level, form, parent_id) values ('org-x', '330103', 'branch', 'area', 'org-B')$$),
  '42501', '2: district A cannot hang an organization under B''s organization');
select is(pg_temp.attempt(:a, $$update public.enterprises set org_id = 'org-not-yet' where id = 'ent-A'$$),
  '42501', '2: district staff cannot name an organization that does not exist (B could create it later)');
select is(pg_temp.attempt(:city, $$update public.enterprises set org_id = 'org-A' where id = 'ent-B'$$),
  '42501', '2: city staff cannot point B''s enterprise at A''s organization');
select is(pg_temp.attempt(:city, $$update public.organizations set district_id = '330103' where id = 'org-B'$$),
  '42501', '2: moving an organization away from the district of the enterprises that name it is refused');
select results_eq(
  $$select action, message from public.upsert_enterprises('[{"id": "ent-new-a", "district_id": "330103", "street_id": "330104001"}, {"id": "ent-new-a2", "district_id": "330103", "org_id": "org-B"}]'::jsonb) order by row_no$$,
  $$values ('rejected', 'street 330104001 belongs to another district'), ('rejected', 'organization org-B belongs to another district')$$,
  '2: an import naming B''s street or organization is refused row by row');
set local role service_role;
insert into public.organizations (id, district_id, level, form) values ('org-city', null, 'committee', 'industry');
select is(pg_temp.attempt(:a, $$update public.enterprises set org_id = 'org-city' where id = 'ent-A'$$),
  'ok 1', '2: a city-level organization (no district) may be named by any district''s enterprise');
select is(pg_temp.attempt(:city, $$update public.organizations set district_id = '330104' where id = 'org-city'$$),
  '42501', '2: … and cannot then be moved into another district');

-- ─── 3. Planted rows and squatted ids ───────────────────────────────────────────────────────────
select is(pg_temp.attempt(:a, $$insert into public.bulletin_snapshots (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover, must_cover_covered, six_clears_complete)
  values ('2011-12-01', '330104', '330103', 0, 0, 0, 0, 0, 0, 0)$$),
  '42501', '3: district A cannot plant a bulletin snapshot for B''s area');
select is(pg_temp.attempt(:a, $$update public.bulletin_snapshots set area_id = '330104001' where area_id = '330103'$$),
  '42501', '3: district A cannot re-label its snapshot as B''s street');
select is(pg_temp.attempt(:a, $$insert into public.bulletin_snapshots (id, taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover, must_cover_covered, six_clears_complete)
  overriding system value values (424242, '2011-12-01', '330103', '330103', 0, 0, 0, 0, 0, 0, 0)$$),
  'ok 1', '3: a snapshot row of one''s own area is fine…');
set local role service_role;
select is((select count(*)::integer from public.bulletin_snapshots where id = 424242), 0, '3: …but its id comes from the sequence (no squatting the next ids)');
select matches(pg_temp.attempt(:b, $$select public.take_bulletin_snapshot('2011-12-01')$$), '^ok', '3: B takes its own snapshot for that day');
select matches(pg_temp.attempt(:city, $$select public.take_bulletin_snapshot('2011-12-01')$$), '^ok', '3: so does the city');
set local role service_role;
select is((select count(*)::integer from public.bulletin_snapshots s join public.areas a on a.id = s.area_id where s.district_id is distinct from a.district_id),
  0, '3: every snapshot belongs to its area''s district');
select is(pg_temp.attempt(:a, $$insert into public.organizations (id, district_id, level, form) values ('plan-bbbbbbbb-1111-4000-8000-00000000000b', '330103', 'branch', 'area')$$),
  '42501', '3: district A cannot take the organization id of B''s plan item');
select is(pg_temp.attempt(:b, $$insert into public.organizations (id, district_id, level, form) values ('plan-bbbbbbbb-1111-4000-8000-00000000000b', '330104', 'branch', 'area')$$),
  '42501', '3: nor can B itself before the item is formed');
select is(pg_temp.attempt(:b, $$select public.set_plan_item_status('bbbbbbbb-1111-4000-8000-00000000000b', 'forming', 1)$$), 'ok 1', '3: B''s item 组建中');
select is(pg_temp.attempt(:b, $$select public.set_plan_item_status('bbbbbbbb-1111-4000-8000-00000000000b', 'formed', 2)$$), 'ok 1', '3: B''s item 已组建 creates its organization');

-- ─── 4. Areas are city data ─────────────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:a, $$insert into public.areas values ('330103099', '吞并街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.20, 30.26, 120.25, 30.30, 4326)))$$),
  '42501', '4: district A cannot add a street that covers B''s ground');
select is(pg_temp.attempt(:a, $$update public.areas set geom = extensions.st_multi(extensions.st_makeenvelope(120.15, 30.26, 120.25, 30.30, 4326)) where id = '330103'$$),
  'ok 0', '4: district A cannot reshape its district outline');
select is(pg_temp.attempt(:a, $$delete from public.areas where id = '330103001'$$), 'ok 0', '4: district A cannot delete a street');
select is(pg_temp.attempt(:a, $$select 1 from public.upsert_places('areas', '[{"type": "Feature", "properties": {"id": "330103098", "name": "新街道", "level": "street", "parent": "330103"}, "geometry": {"type": "Polygon", "coordinates": [[[120.2, 30.26], [120.25, 30.26], [120.25, 30.3], [120.2, 30.26]]]}}]') where action = 'upserted'$$),
  'ok 0', '4: district A cannot import area outlines');
select is(pg_temp.attempt(:city, $$update public.areas set name = name where id = '330103001'$$), 'ok 1', '4: city staff keep the outlines');

-- ─── 5. Authorship is the database's ────────────────────────────────────────────────────────────
select is(pg_temp.attempt(:a, $$update public.enterprises set name = '甲公司（改）', updated_by = 'bbbbbbbb-0000-4000-8000-00000000000b' where id = 'ent-A'$$), 'ok 1', '5: A edits its enterprise claiming to be B…');
set local role service_role;
select is((select updated_by from public.enterprises where id = 'ent-A'), 'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, '5: …and the row names A');
select is((select user_id from public.audit_log where table_name = 'enterprises' and row_id = 'ent-A' and action = 'update' order by id desc limit 1),
  'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, '5: the audit trail names A');
select is(pg_temp.attempt(:a, $$insert into public.enterprises (id, district_id, name, updated_by) values ('ent-forged', '330103', '冒名', 'cccccccc-0000-4000-8000-00000000000c')$$), 'ok 1', '5: A inserts an enterprise claiming the city wrote it…');
set local role service_role;
select is((select updated_by from public.enterprises where id = 'ent-forged'), 'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, '5: …and the row names A');
select 'tried: ' || pg_temp.attempt(:a, $$update public.plan_items set updated_by = null, title = '改' where district_id = '330103'$$);
set local role service_role;
select is((select array_agg(distinct updated_by) from public.plan_items where district_id = '330103'), array['aaaaaaaa-0000-4000-8000-00000000000a'::uuid], '5: plan items name who changed them');
select 'tried: ' || pg_temp.attempt(:a, $$insert into public.slides (district_id, title, updated_by) values ('330103', '冒名幻灯片', 'bbbbbbbb-0000-4000-8000-00000000000b')$$);
set local role service_role;
select is((select updated_by from public.slides where title = '冒名幻灯片'), 'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, '5: slides name who wrote them');

-- ─── 6. Signed in without a staff row: refused at once ──────────────────────────────────────────
select is(pg_temp.attempt(:nostaff, $$select * from public.upsert_enterprises('[{"id": "ent-A"}, {"id": "ent-B"}, {"credit_code": "91350100M000100Y43"}]', 'check')$$),
  '42501', '6: no staff row: an import is refused before it reveals which ids exist');
select is(pg_temp.attempt(:nostaff, $$select 1 from public.enterprises$$), '42501', '6: no staff row: reading enterprises is refused');
select is(pg_temp.attempt(:nostaff, $$select * from public.store_counts()$$), '42501', '6: no staff row: store_counts is refused');
select is(pg_temp.attempt(:nostaff, $$select * from public.coverage_by_area()$$), '42501', '6: no staff row: coverage_by_area is refused');
select is(pg_temp.attempt(:nostaff, $$select * from public.list_plan_items()$$), '42501', '6: no staff row: list_plan_items is refused');
select is(pg_temp.attempt(:nostaff, $$select * from public.list_places('areas')$$), '42501', '6: no staff row: list_places is refused');
select is(pg_temp.attempt('anon', $$select * from public.store_counts()$$), '42501', '6: anon: refused');

-- ─── 9. Malformed GeoJSON and JIT ───────────────────────────────────────────────────────────────
select pg_temp.act_as(:a);
select throws_ok($$select public.create_plan_item('{"district_id": "330103", "kind": "joint_branch", "geometry": {"type": "Polygon", "coordinates": [[120.1, 30.2]]}}')$$,
  '22023', null, '9: malformed GeoJSON in a new plan item is a 400-class error (22023), not XX000');
select throws_ok($$select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000a', '{"geometry": {"type": "Nonsense"}}', (select version from public.plan_items where id = 'aaaaaaaa-1111-4000-8000-00000000000a'))$$,
  '22023', null, '9: … also when a plan item is edited');
select is((select bool_and(coalesce('jit=off' = any (proconfig), false)) from pg_proc where oid in ('public.load_enterprises(jsonb)'::regprocedure, 'public.upsert_enterprises(jsonb, text)'::regprocedure)),
  true, '9: load_enterprises and upsert_enterprises run without JIT');
select is((select rolconfig @> array['jit=off'] from pg_roles where rolname = 'authenticated'), true, '9: signed-in API requests run without JIT');

-- ─── 8. Paged reads ─────────────────────────────────────────────────────────────────────────────
select is((select rolconfig @> array['statement_timeout=3s'] from pg_roles where rolname = 'anon'), true, '8: anon has a 3 s statement timeout');
select is((select rolconfig @> array['statement_timeout=8s'] from pg_roles where rolname = 'authenticated'), true, '8: authenticated has an 8 s statement timeout');
select pg_temp.act_as(:city);
select is((select array_agg(id) from public.enterprises_in_bbox(120.15, 30.26, 120.25, 30.30, null, 2)), array['ent-A', 'ent-A2'], '8: bbox: the first page');
select is((select array_agg(id) from public.enterprises_in_bbox(120.15, 30.26, 120.25, 30.30, 'ent-A2', 2)), array['ent-A3', 'ent-B'], '8: bbox: the next page starts after the last id');
select is((select array_agg(id) from public.enterprises_in_area('330103001', 'ent-A', 1)), array['ent-A2'], '8: area: one page after after_id');
select is((select count(*)::integer from public.enterprises_in_bbox(-180, -90, 180, 90, null, 1000000)), (select count(*)::integer from public.enterprises where geom is not null), '8: a huge page size is capped, not refused');

select * from finish();
rollback;
