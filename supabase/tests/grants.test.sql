-- The catalogue, not a list: rules over every table, view, sequence and function, so that objects
-- added by later migrations are held to the same rules without editing this file (issue 11, class 7
-- and the reference rule of classes 1–3 and 5). The allow-lists below are the only exceptions.
begin;
set search_path = public, extensions;
select plan(9);

-- Objects that belong to an extension (PostGIS, pgTAP, plpgsql_check) are the extension's business.
create temp view own_relations as
  select c.oid, n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e');
create temp view own_functions as
  select p.oid, n.nspname, p.proname, p.oid::regprocedure::text as signature, p.prosecdef, p.proconfig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e');

-- 7. Privileges of the API roles.
select is(
  (select array_agg(format('%s.%s: %s', r.nspname, r.relname, p.privilege) order by 1) from own_relations r
   cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p(privilege)
   where r.relkind <> 'S' and has_table_privilege('anon', r.oid, p.privilege)),
  null, 'anon holds no privilege on any table or view');
select is(
  (select array_agg(format('%s.%s: %s', r.nspname, r.relname, p.privilege) order by 1) from own_relations r
   cross join unnest(array['TRUNCATE', 'REFERENCES', 'TRIGGER']) p(privilege)
   where r.relkind <> 'S' and has_table_privilege('authenticated', r.oid, p.privilege)),
  null, 'authenticated holds only select / insert / update / delete on tables and views');
select is(
  (select array_agg(format('%s.%s: %s %s', r.nspname, r.relname, who, p.privilege) order by 1) from own_relations r
   cross join unnest(array['anon', 'authenticated']) who
   cross join unnest(array['USAGE', 'SELECT', 'UPDATE']) p(privilege)
   where r.relkind = 'S' and has_sequence_privilege(who, r.oid, p.privilege)),
  null, 'the API roles hold no privilege on any sequence (no nextval / setval)');
select is(
  (select array_agg(f.signature order by 1) from own_functions f where has_function_privilege('anon', f.oid, 'EXECUTE')),
  null, 'anon executes no function of public or private');
select is(
  (select array_agg(format('%s.%s', r.nspname, r.relname) order by 1) from own_relations r join pg_class c on c.oid = r.oid
   where r.relkind = 'v' and has_table_privilege('authenticated', r.oid, 'SELECT')
     and not coalesce(c.reloptions @> array['security_invoker=true'], false)),
  null, 'every view the API reads applies the caller''s row-level security (security_invoker)');
select is(
  (select array_agg(f.signature order by 1) from own_functions f
   where f.prosecdef and not exists (select 1 from unnest(f.proconfig) c where c like 'search_path=%')),
  null, 'every security definer function pins its search_path');

-- Reference rule. A district-owned table (one with district_id) that the API may write must check each
-- column that names another row (a foreign key, or a column named *_id) for the same district: a
-- composite foreign key that includes district_id, or a private.same_district_* trigger that names it.
create temp table not_references (tbl text, col text);
insert into not_references values
  ('plan_items', 'recommendation_id');  -- the planning core's recommendation key, not a row

-- Columns of tables in public (pg_attribute: information_schema hides what the runner may not read).
create temp view own_columns as
  select t.oid as tbl_oid, t.relname::text as tbl, a.attname::text as col from pg_class t join pg_attribute a on a.attrelid = t.oid
  where t.relnamespace = 'public'::regnamespace and t.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped;

select is(
  (select array_agg(format('%s.%s', c.tbl, c.col) order by 1)
   from own_columns c
   where exists (select 1 from own_columns d where d.tbl_oid = c.tbl_oid and d.col = 'district_id')
     and (has_table_privilege('authenticated', c.tbl_oid, 'INSERT') or has_table_privilege('authenticated', c.tbl_oid, 'UPDATE'))
     and c.col <> 'district_id'
     and (c.col like '%\_id' or exists (
           select 1 from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
           where k.conrelid = c.tbl_oid and k.contype = 'f' and a.attname = c.col))
     and not exists (select 1 from not_references x where x.tbl = c.tbl and x.col = c.col)
     and not exists (
       select 1 from pg_constraint k
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey) and a.attname = c.col
       join pg_attribute dcol on dcol.attrelid = k.conrelid and dcol.attnum = any (k.conkey) and dcol.attname = 'district_id'
       where k.conrelid = c.tbl_oid and k.contype = 'f')
     and not exists (
       select 1 from pg_trigger g join pg_proc p on p.oid = g.tgfoid
       where g.tgrelid = c.tbl_oid and not g.tgisinternal and p.pronamespace = 'private'::regnamespace and p.proname like 'same\_district\_%'
         and c.col = any (string_to_array(encode(g.tgargs, 'escape'), '\000')))),
  null, 'every reference column of a writable district-owned table has a same-district check');

-- Authorship rule: a table with updated_by has it set by the database on insert and on update.
select is(
  (select array_agg(c.tbl order by 1)
   from own_columns c
   where c.col = 'updated_by'
     and not exists (
       select 1 from pg_trigger g join pg_proc p on p.oid = g.tgfoid
       where g.tgrelid = c.tbl_oid and p.pronamespace = 'private'::regnamespace and p.proname = 'set_updated_by'
         and (g.tgtype & 2) <> 0 and (g.tgtype & 1) <> 0 and (g.tgtype & 4) <> 0 and (g.tgtype & 16) <> 0)),
  null, 'every table with updated_by sets it from auth.uid() before each insert and update');

select is(
  (select array_agg(r.rolname::text order by 1) from pg_roles r
   where r.rolname in ('anon', 'authenticated')
     and not (coalesce(r.rolconfig, '{}') @> array['jit=off'] and exists (select 1 from unnest(r.rolconfig) c where c like 'statement\_timeout=%'))),
  null, 'the API roles have a statement timeout and no JIT');

select * from finish();
rollback;
