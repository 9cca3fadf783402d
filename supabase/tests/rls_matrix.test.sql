-- Row-level security: every table × anon / district A / district B / city × select, insert, update,
-- delete, each tried on district A's rows in a subtransaction that is rolled back.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
-- Rows of the follow-up tables (20261202001500) in district A.
set local role service_role;
insert into public.inspection_notes (id, area_id, inspected_on, inspector, finding) values
  ('aaaaaaaa-3333-4000-8000-00000000000a', '330103001', '2011-11-08', '督查组', '摸排未完成');
insert into public.register_imports (id, district_id, full_register) overriding system value values (900001, '330103', false);
insert into public.register_changes (import_id, enterprise_id, district_id, change, reason, seen_on) values (900001, 'ent-A', '330103', 'new', 'registered', '2011-11-08');
reset role;

create temp table ops (tbl text, op text, sql text);
insert into ops values
  ('areas', 'select', $$select 1 from public.areas where id = '330103001'$$),
  ('areas', 'insert', $$insert into public.areas values ('330103099', '新街道', 'street', '330103', '330103', extensions.st_multi(extensions.st_makeenvelope(120.15, 30.26, 120.16, 30.27, 4326)))$$),
  ('areas', 'update', $$update public.areas set name = name where id = '330103001'$$),
  ('areas', 'delete', $$delete from public.areas where id = '330103001'$$),
  ('enterprises', 'select', $$select 1 from public.enterprises where id = 'ent-A'$$),
  ('enterprises', 'insert', $$insert into public.enterprises (id, district_id, name) values ('ent-new', '330103', '新企业')$$),
  ('enterprises', 'update', $$update public.enterprises set name = name where id = 'ent-A'$$),
  ('enterprises', 'delete', $$delete from public.enterprises where id = 'ent-A'$$),
  -- The campaign columns (20261202001400): read through the view, written like every other column.
  ('enterprises: campaign columns', 'select', $$select 1 from public.enterprise_rows where id = 'ent-A' and key_category is null$$),
  ('enterprises: campaign columns', 'update', $$update public.enterprises set members_elsewhere = 2, members_transferred = 1, transfer_status = 'in_progress', trade_union = true, key_category = '亿元以上', liaison = '王' where id = 'ent-A'$$),
  ('buildings', 'select', $$select 1 from public.buildings where id = 'bld-A'$$),
  ('buildings', 'insert', $$insert into public.buildings (id, district_id, geom) values ('bld-new', '330103', extensions.st_multi(extensions.st_makeenvelope(120.16, 30.27, 120.161, 30.271, 4326)))$$),
  ('buildings', 'update', $$update public.buildings set name = name where id = 'bld-A'$$),
  ('buildings', 'delete', $$delete from public.buildings where id = 'bld-A'$$),
  ('zones', 'select', $$select 1 from public.zones where id = 'zone-A'$$),
  ('zones', 'insert', $$insert into public.zones (id, district_id, kind, geom) values ('zone-new', '330103', 'market', extensions.st_multi(extensions.st_makeenvelope(120.16, 30.27, 120.161, 30.271, 4326)))$$),
  ('zones', 'update', $$update public.zones set name = name where id = 'zone-A'$$),
  ('zones', 'delete', $$delete from public.zones where id = 'zone-A'$$),
  ('organizations', 'select', $$select 1 from public.organizations where id = 'org-A'$$),
  ('organizations', 'insert', $$insert into public.organizations (id, district_id, level, form) values ('org-new', '330103', 'branch', 'area')$$),
  ('organizations', 'update', $$update public.organizations set name = name where id = 'org-A'$$),
  ('organizations', 'delete', $$delete from public.organizations where id = 'org-A'$$),
  ('organization_enterprises', 'select', $$select 1 from public.organization_enterprises where organization_id = 'org-A'$$),
  ('organization_enterprises', 'insert', $$insert into public.organization_enterprises values ('org-A', 'ent-A', '330103')$$),
  ('organization_enterprises', 'update', $$update public.organization_enterprises set district_id = district_id where organization_id = 'org-A'$$),
  ('organization_enterprises', 'delete', $$delete from public.organization_enterprises where organization_id = 'org-A'$$),
  ('plan_items', 'select', $$select 1 from public.plan_items where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('plan_items', 'insert', $$insert into public.plan_items (district_id, kind) values ('330103', 'joint_branch')$$),
  ('plan_items', 'update', $$update public.plan_items set title = title where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('plan_items', 'delete', $$delete from public.plan_items where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('plan_item_enterprises', 'select', $$select 1 from public.plan_item_enterprises where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('plan_item_enterprises', 'insert', $$insert into public.plan_item_enterprises values ('aaaaaaaa-1111-4000-8000-00000000000a', 'ent-A', '330103')$$),
  ('plan_item_enterprises', 'update', $$update public.plan_item_enterprises set district_id = district_id where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('plan_item_enterprises', 'delete', $$delete from public.plan_item_enterprises where plan_item_id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$),
  ('bulletin_snapshots', 'select', $$select 1 from public.bulletin_snapshots where area_id = '330103'$$),
  ('bulletin_snapshots', 'insert', $$insert into public.bulletin_snapshots (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover, must_cover_covered, six_clears_complete) values ('2011-11-15', '330103', '330103', 2, 2, 1, 0, 2, 2, 2)$$),
  ('bulletin_snapshots', 'update', $$update public.bulletin_snapshots set covered = covered where area_id = '330103'$$),
  ('bulletin_snapshots', 'delete', $$delete from public.bulletin_snapshots where area_id = '330103'$$),
  ('slides', 'select', $$select 1 from public.slides where id = 'aaaaaaaa-2222-4000-8000-00000000000a'$$),
  ('slides', 'insert', $$insert into public.slides (district_id, title) values ('330103', '新幻灯片')$$),
  ('slides', 'update', $$update public.slides set title = title where id = 'aaaaaaaa-2222-4000-8000-00000000000a'$$),
  ('slides', 'delete', $$delete from public.slides where id = 'aaaaaaaa-2222-4000-8000-00000000000a'$$),
  ('staff', 'select', $$select 1 from public.staff where user_id = 'aaaaaaaa-0000-4000-8000-00000000000a'$$),
  ('staff', 'insert', $$insert into public.staff values ('dddddddd-0000-4000-8000-00000000000d', 'D', 'district', '330103')$$),
  ('staff', 'update', $$update public.staff set name = name where user_id = 'aaaaaaaa-0000-4000-8000-00000000000a'$$),
  ('staff', 'delete', $$delete from public.staff where user_id = 'aaaaaaaa-0000-4000-8000-00000000000a'$$),
  ('audit_log', 'select', $$select 1 from public.audit_log where district_id = '330103'$$),
  ('audit_log', 'insert', $$insert into public.audit_log (table_name, row_id, district_id, action) values ('enterprises', 'x', '330103', 'insert')$$),
  ('audit_log', 'update', $$update public.audit_log set table_name = table_name where district_id = '330103'$$),
  ('audit_log', 'delete', $$delete from public.audit_log where district_id = '330103'$$),
  ('inspection_notes', 'select', $$select 1 from public.inspection_notes where id = 'aaaaaaaa-3333-4000-8000-00000000000a'$$),
  ('inspection_notes', 'insert', $$insert into public.inspection_notes (area_id, inspected_on, inspector, finding) values ('330103001', '2011-11-09', '督查组', '复查')$$),
  ('inspection_notes', 'update', $$update public.inspection_notes set finding = finding where id = 'aaaaaaaa-3333-4000-8000-00000000000a'$$),
  ('inspection_notes', 'delete', $$delete from public.inspection_notes where id = 'aaaaaaaa-3333-4000-8000-00000000000a'$$),
  ('register_imports', 'select', $$select 1 from public.register_imports where id = 900001$$),
  ('register_imports', 'insert', $$insert into public.register_imports (district_id) values ('330103')$$),
  ('register_imports', 'update', $$update public.register_imports set row_count = row_count where id = 900001$$),
  ('register_imports', 'delete', $$delete from public.register_imports where id = 900001$$),
  ('register_changes', 'select', $$select 1 from public.register_changes where import_id = 900001$$),
  ('register_changes', 'insert', $$insert into public.register_changes (import_id, enterprise_id, district_id, change, reason, seen_on) values (900001, 'ent-A2', '330103', 'new', 'registered', '2011-11-08')$$),
  ('register_changes', 'update', $$update public.register_changes set reason = reason where import_id = 900001$$),
  ('register_changes', 'delete', $$delete from public.register_changes where import_id = 900001$$);

-- 'ok' (rows affected), 'none' (no row visible), 'denied' (refused by privileges or a policy).
create function pg_temp.try_op(who text, statement text) returns text language plpgsql as $$
declare
  n integer;
  outcome text;
begin
  begin
    perform pg_temp.act_as(who);
    execute statement;
    get diagnostics n = row_count;
    raise exception using errcode = 'LJ000', message = n::text;
  exception
    when sqlstate 'LJ000' then outcome := case when sqlerrm::integer > 0 then 'ok' else 'none' end;
    when insufficient_privilege then outcome := 'denied';
  end;
  return outcome;
end
$$;

create temp table actors (who text, label text);
insert into actors values
  ('anon', 'anon'),
  ('aaaaaaaa-0000-4000-8000-00000000000a', 'district A'),
  ('bbbbbbbb-0000-4000-8000-00000000000b', 'district B'),
  ('cccccccc-0000-4000-8000-00000000000c', 'city');

create function pg_temp.expected(tbl text, label text, op text) returns text language sql as $$
  select case
    when label = 'anon' then 'denied'
    when tbl = 'staff' then case when op = 'select' and label in ('district A', 'city') then 'ok' when op = 'select' then 'none' else 'denied' end
    -- Register imports and their changes are written by the import functions only (20261202001500).
    when tbl in ('audit_log', 'register_imports', 'register_changes') then case when op = 'select' and label in ('district A', 'city') then 'ok' when op = 'select' then 'none' else 'denied' end
    -- Areas are city data: district staff read their district's outlines and change none.
    when tbl = 'areas' and label = 'district A' and op <> 'select' then case when op = 'insert' then 'denied' else 'none' end
    when label in ('district A', 'city') then 'ok'
    when op = 'insert' then 'denied'
    else 'none'
  end
$$;

select plan(248 + 4);

select is(pg_temp.try_op(a.who, o.sql), pg_temp.expected(o.tbl, a.label, o.op), format('%s: %s %s on district A''s rows', a.label, o.op, o.tbl))
from ops o cross join actors a
order by o.tbl, a.label, o.op;

-- Nobody moves a row into another district.
select is(pg_temp.try_op('aaaaaaaa-0000-4000-8000-00000000000a', $$update public.enterprises set district_id = '330104' where id = 'ent-A'$$), 'denied', 'district A cannot move an enterprise to district B');
select is(pg_temp.try_op('aaaaaaaa-0000-4000-8000-00000000000a', $$update public.plan_items set district_id = '330104' where id = 'aaaaaaaa-1111-4000-8000-00000000000a'$$), 'denied', 'district A cannot move a plan item to district B');
select is(pg_temp.try_op('bbbbbbbb-0000-4000-8000-00000000000b', $$update public.enterprises set district_id = '330104' where id = 'ent-A'$$), 'none', 'district B cannot take district A''s enterprise');
select is(pg_temp.try_op('bbbbbbbb-0000-4000-8000-00000000000b', $$insert into public.enterprises (id, district_id) values ('ent-x', '330103')$$), 'denied', 'district B cannot add an enterprise to district A');

select * from finish();
rollback;
