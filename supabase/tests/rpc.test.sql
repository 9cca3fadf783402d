-- The SQL functions both repositories call: spatial queries, import upsert, coverage rollups,
-- status transitions and edits with optimistic locking, and the audit trail they leave.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(55);

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select is((select array_agg(id order by id) from public.enterprises_in_bbox(120.15, 30.26, 120.25, 30.30)), array['ent-A', 'ent-A2', 'ent-A3'], 'bbox: district A sees its own enterprises only');
select is((select array_agg(id order by id) from public.enterprises_in_area('330103001')), array['ent-A', 'ent-A2', 'ent-A3'], 'area: the enterprises inside 武林街道');
select is((select count(*)::integer from public.enterprises_in_area('330104001')), 0, 'area: district A sees nothing in district B');

select results_eq(
  $$select row_no, enterprise_id, action from public.upsert_enterprises('[
      {"id": "ent-new", "district_id": "330103", "name": "新企业", "lon": 120.16, "lat": 30.28, "employees": 5},
      {"id": "", "credit_code": "91350100M000100Y43", "district_id": "330103", "name": "甲公司（更名）", "employees": 41},
      {"id": "ent-b-new", "district_id": "330104", "name": "越界企业"},
      {"name": "无编号"},
      {"id": "ent-bad", "district_id": "330103", "employees": -3}
    ]'::jsonb) order by row_no$$,
  $$values (1, 'ent-new', 'inserted'), (2, 'ent-A', 'updated'), (3, 'ent-b-new', 'rejected'), (4, null, 'rejected'), (5, 'ent-bad', 'rejected')$$,
  'upsert: one result per row, by id or credit code; other districts and bad rows are rejected'
);
select is((select name from public.enterprises where id = 'ent-A'), '甲公司（更名）', 'upsert by credit code updated the existing row');
select is((select version from public.enterprises where id = 'ent-A'), 2, 'upsert bumped the version');
select is((select count(*)::integer from public.enterprises where credit_code = '91350100M000100Y43'), 1, 're-importing a credit code does not duplicate it');
select matches((select message from public.upsert_enterprises('[{"id": "ent-bad", "district_id": "330103", "employees": -3}]'::jsonb)), 'check constraint', 'a rejected row says why');

select results_eq(
  $$select action from public.upsert_enterprises('[{"id": "ent-check", "district_id": "330103"}, {"id": "ent-bad2", "district_id": "330103", "employees": -1}]'::jsonb, 'check') order by row_no$$,
  $$values ('inserted'), ('rejected')$$, 'check mode reports what would happen…');
select is((select count(*)::integer from public.enterprises where id in ('ent-check', 'ent-bad2')), 0, '…and writes nothing');
select results_eq(
  $$select action from public.upsert_enterprises('[{"id": "ent-all", "district_id": "330103"}, {"id": "ent-bad3", "district_id": "330103", "employees": -1}]'::jsonb, 'all') order by row_no$$,
  $$values ('not_written'), ('rejected')$$, 'all-or-nothing: one bad row keeps the whole batch out…');
select is((select count(*)::integer from public.enterprises where id = 'ent-all'), 0, '…and nothing is written');
select results_eq(
  $$select action from public.upsert_enterprises('[{"id": "d1", "credit_code": "91350100M000100Y43", "district_id": "330103"}, {"id": "d2", "credit_code": "91350100M000100Y43", "district_id": "330103"}]'::jsonb, 'check') order by row_no$$,
  $$values ('updated'), ('rejected')$$, 'a credit code twice in one import: the second row is rejected, not merged into the first');

select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select results_eq(
  $$select area_id, enterprises::integer, covered::integer, coverage_rate, own_org::integer, work_covered::integer, must_cover::integer, must_cover_covered::integer, six_clears_complete::integer
    from public.coverage_by_area() where area_id in ('330103', '330104') order by area_id$$,
  $$values ('330103', 3, 1, 0.333333::double precision, 1, 0, 2, 1, 1), ('330104', 1, 1, 1::double precision, 0, 0, 1, 1, 0)$$,
  'coverage per district over operating enterprises, after the upsert replaced ent-A (city staff)'
);
select pg_temp.act_as('bbbbbbbb-0000-4000-8000-00000000000b');
select is((select count(*)::integer from public.coverage_by_area()), 2, 'district B rolls up only its own areas');

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select is((select status || '/' || version from public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'forming', 1)), 'forming/2', '拟建 → 组建中');
select throws_ok($$select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'formed', 1)$$, 'PT409', null, 'a stale version is refused');
select is((select status from public.plan_items where id = 'aaaaaaaa-1111-4000-8000-00000000000a'), 'forming', 'the refused write changed nothing');
select is((select status || '/' || version from public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'formed', 2)), 'formed/3', '组建中 → 已组建');
select throws_ok($$select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'proposed', 3)$$, '22023', null, '已组建 cannot jump back to 拟建');
select throws_ok($$select public.set_plan_item_status('bbbbbbbb-1111-4000-8000-00000000000b', 'forming', 1)$$, 'PT404', null, 'district A cannot move district B''s plan item');

select is((select employees from public.update_enterprise('ent-A2', '{"employees": 15}'::jsonb, 1)), 15, 'edit at the current version');
select throws_ok($$select public.update_enterprise('ent-A2', '{"employees": 99}'::jsonb, 1)$$, 'PT409', null, 'an edit at a stale version is refused');
select is((select employees from public.enterprises where id = 'ent-A2'), 15, 'and is not written');
select throws_ok($$select public.update_enterprise('ent-A2', '{"district_id": "330104"}'::jsonb, 2)$$, '42501', null, 'an edit cannot move the enterprise to another district');
select throws_ok($$select public.update_enterprise('ent-B', '{"employees": 1}'::jsonb, 1)$$, 'PT404', null, 'district A cannot edit district B''s enterprise');

select is(
  (select array_agg(action order by id) from public.audit_log where table_name = 'enterprises' and row_id = 'ent-A2'),
  array['insert', 'update'], 'the audit log holds the insert and the accepted edit, not the refused ones');
select is((select pg_catalog.jsonb_build_array(old_row, new_row) from public.audit_log where row_id = 'ent-A2' and action = 'update'),
  '[{"employees": 12}, {"employees": 15}]'::jsonb, 'an update records only the fields it changed, before and after');
select is((select user_id from public.audit_log where row_id = 'ent-A2' and action = 'update'), 'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, 'the audit log names who edited');
select is((select updated_by from public.enterprises where id = 'ent-A2'), 'aaaaaaaa-0000-4000-8000-00000000000a'::uuid, 'the row names who edited it last');

-- Plan items as the workspace edits them.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select id as item_x from public.create_plan_item('{"district_id": "330103", "title": "X", "kind": "joint_branch", "level": "branch", "enterprise_ids": ["ent-A"]}'::jsonb) \gset
select is((select enterprise_ids from public.list_plan_items() where id = :'item_x'), array['ent-A'], 'list_plan_items names the members');
select id as item_y from public.create_plan_item('{"district_id": "330103", "title": "Y", "kind": "joint_branch", "level": "branch", "enterprise_ids": ["ent-A", "ent-A2"]}'::jsonb) \gset
select is((select enterprise_ids from public.list_plan_items() where id = :'item_x'), '{}'::text[], 'a member added to another item is moved out of the first');
select is((select enterprise_ids from public.list_plan_items() where id = :'item_y'), array['ent-A', 'ent-A2'], '… and into the second (ent-A2 also stays in its formed item)');
select throws_ok(format($$select public.update_plan_item(%L, '{"owner": "张三"}', 2)$$, :'item_x'), 'PT409', null, 'update_plan_item refuses a stale version');
select is((select owner || '/' || version from public.update_plan_item(:'item_x', '{"owner": "张三", "instructor": "李四", "due_date": "2011-12-31"}', 1)), '张三/2', 'update_plan_item at the current version');
select is((select status from public.set_plan_item_status(:'item_y', 'forming', 1)), 'forming', 'Y 组建中');
select is((select status from public.set_plan_item_status(:'item_y', 'formed', 2)), 'formed', 'Y 已组建');
select is((select org_id from public.enterprises where id = 'ent-A'), 'plan-' || :'item_y', '已组建: the member now belongs to the new organization (挂牌销号)');
select is((select org_id from public.enterprises where id = 'ent-A2'), 'org-A', '… a member already in an organization keeps it');
select is((select covered::integer from public.coverage_by_area() where area_id = '330103'), 2, '… and coverage counts it');
select throws_ok(format($$select public.update_plan_item(%L, '{"enterprise_ids": []}', 3)$$, :'item_y'), '22023', null, 'the members of a formed item cannot change');
select is((select status from public.set_plan_item_status(:'item_y', 'forming', 3)), 'forming', 'Y back to 组建中');
select ok((select org_id is null from public.enterprises where id = 'ent-A') and not exists (select 1 from public.organizations where id = 'plan-' || :'item_y'),
  'moving back undoes the organization and the coverage');
select lives_ok(format($$select public.delete_plan_item(%L, 2)$$, :'item_x'), 'an unformed item can be deleted at its version');

select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select is((select pg_catalog.array_agg(id) from public.list_enterprises(null, 2)),
  (select pg_catalog.array_agg(id) from (select id from public.enterprises order by id limit 2) first_two), 'list_enterprises: the first page, ordered by id');
select is(
  (select pg_catalog.array_agg(id) from public.list_enterprises((select max(id) from (select id from public.enterprises order by id limit 2) p), 1000)),
  (select pg_catalog.array_agg(id) from (select id from public.enterprises order by id offset 2) rest), 'list_enterprises: the next page starts after the last id');
select is((select count(*)::integer from public.list_places('areas', null, 1)), 1, 'list_places: page size is honoured');

-- The bulletin: a snapshot is today's coverage_by_area, with organizations and formed plan items per area.
select is((select count(*)::integer from public.take_bulletin_snapshot('2011-11-30')), (select count(*)::integer from public.coverage_by_area()), 'a snapshot row per visible area');
select is(
  (select row(covered, enterprises, must_cover)::text from public.bulletin_snapshots where taken_on = '2011-11-30' and area_id = '330103'),
  (select row(covered, enterprises, must_cover)::text from public.coverage_by_area() where area_id = '330103'), 'the snapshot holds the live figures');
select is((select organizations from public.bulletin_snapshots where taken_on = '2011-11-30' and area_id = '330103'),
  (select count(distinct org_id)::integer from public.enterprises where district_id = '330103' and org_id is not null and private.is_operating(status)), 'organizations per area');
select is((select plan_items_formed from public.bulletin_snapshots where taken_on = '2011-11-30' and area_id = '330103'), 1, 'formed plan items per area (甲大厦联合党支部)');
select lives_ok($$select public.take_bulletin_snapshot('2011-11-30')$$, 'taking the same day again replaces it');

-- Slides keep their deck order and refuse a stale edit.
select is((select position from public.save_slide('{"title": "一", "district_id": "330103"}')), 1, 'a new slide goes after the existing one');
select throws_ok($$select public.save_slide('{"id": "aaaaaaaa-2222-4000-8000-00000000000a", "version": 7, "title": "x"}')$$, 'PT409', null, 'a stale slide edit is refused');
select is((select pg_catalog.array_agg(title order by position) from public.list_slides()), array['甲区概况', '一'], 'list_slides in deck order');

select * from finish();
rollback;
