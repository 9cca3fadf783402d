-- Closing the cross-district holes (issue 11). Row-level security checked each row on its own; rows
-- could still reach into another district through the relationships between rows. Here the database
-- itself keeps every relationship inside one district:
--   1. link rows (plan_item_enterprises, organization_enterprises) take the parent's district, and the
--      child must be in it: nobody (city staff included) links rows of two districts;
--   2. references (enterprises.street_id / org_id, organizations.parent_id, areas.parent_id) name a row
--      of the same district, or a city-level row that has no district; a row that is created, renamed or
--      moved to another district must not leave references from another district behind;
--   3. a bulletin snapshot belongs to its area's district and gets its id from the sequence; the ids
--      that 已组建 derives (`plan-<uuid>`) can only be taken by that formed plan item;
--   4. areas (district and street outlines) are city data;
--   5. updated_by is auth.uid(), whatever the client sends;
--   6. a signed-in user without a staff row is refused at the first row-level security check;
--   7. the API roles hold only what the API needs;
--   8. the bbox / area reads are paged, and the API roles have statement timeouts;
--   9. malformed GeoJSON is a 22023 (HTTP 400), and the heavy functions run without JIT.
-- The checks on the large tables are statement-level (transition tables, one join per statement), so a
-- 200k-row import costs a few joins, not 200k trigger calls.

-- ─── 6. No staff row, no access ───────────────────────────────────────────────────────────────────
-- Every policy (and every function that asks who the caller is) goes through these two helpers.
-- Without a JWT (service role, migrations, the embedded store's own session) they answer as before.
create or replace function private.is_city() returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  uid uuid := (select auth.uid());
  staff_role text;
begin
  if uid is null then
    return false;
  end if;
  select s.role into staff_role from public.staff s where s.user_id = uid;
  if not found then
    raise exception 'user % has no staff row: access is refused until an administrator adds one', uid using errcode = '42501';
  end if;
  return staff_role = 'city';
end
$$;

create or replace function private.staff_district() returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  uid uuid := (select auth.uid());
  staff_role text;
  district text;
begin
  if uid is null then
    return null;
  end if;
  select s.role, s.district_id into staff_role, district from public.staff s where s.user_id = uid;
  if not found then
    raise exception 'user % has no staff row: access is refused until an administrator adds one', uid using errcode = '42501';
  end if;
  return case when staff_role = 'district' then district end;
end
$$;

-- Who is calling: trusted (no JWT: service role, migrations) or city staff may name rows that do not
-- exist yet (an import that names organizations loaded later); district staff may not.
create function private.may_name_missing_rows() returns boolean
language sql stable security definer set search_path = '' as $$
  select (select auth.uid()) is null or (select private.is_city())
$$;

-- ─── 1–3. Same-district checks ───────────────────────────────────────────────────────────────────
-- Indexes the reverse checks (and 挂牌销号's revert) look up by.
create index enterprises_org_idx on public.enterprises (org_id) where org_id is not null;
create index enterprises_street_idx on public.enterprises (street_id) where street_id is not null;
create index organizations_parent_idx on public.organizations (parent_id) where parent_id is not null;
create index bulletin_snapshots_area_idx on public.bulletin_snapshots (area_id);

-- Link rows (BEFORE INSERT OR UPDATE, per row; link writes are a few rows at a time).
-- TG_ARGV: parent column, parent table[, child column, child table]. The row takes the parent's
-- district; the child must be in that same district (no district is a district of its own here).
create function private.same_district_link() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  parent_found boolean;
  parent_district text;
  child_found boolean;
  child_district text;
begin
  execute pg_catalog.format('select true, p.district_id from public.%I p where p.id = ($1).%I', tg_argv[1], tg_argv[0])
    into parent_found, parent_district using new;
  if parent_found is null then
    raise exception '%: % % does not exist', tg_table_name, tg_argv[1], pg_catalog.to_jsonb(new) ->> tg_argv[0]
      using errcode = '23503';
  end if;
  if tg_nargs >= 4 then
    execute pg_catalog.format('select true, c.district_id from public.%I c where c.id = ($1).%I', tg_argv[3], tg_argv[2])
      into child_found, child_district using new;
    if child_found is null or child_district is distinct from parent_district then
      raise exception '%: % % is not in district % of % %', tg_table_name, tg_argv[3], pg_catalog.to_jsonb(new) ->> tg_argv[2],
        coalesce(parent_district, '(none)'), tg_argv[1], pg_catalog.to_jsonb(new) ->> tg_argv[0]
        using errcode = '42501', hint = 'A link joins rows of one district only.';
    end if;
  end if;
  new.district_id := parent_district;
  return new;
end
$$;

-- References named by new rows (AFTER INSERT / UPDATE, per statement over the transition table).
-- TG_ARGV pairs: column, referenced table. The referenced row must be in the row's district or have no
-- district (city-level); a reference to a missing row is refused for district staff. Each pair has its
-- own static query (plans are cached: row-by-row imports fire this once per row); a pair without one
-- is refused at the first write, so a trigger can never claim a check that does not run.
create function private.same_district_reference() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  k integer := 0;
  lenient boolean := (select private.may_name_missing_rows());
  bad_ref text;
  bad_district text;
begin
  while k < tg_nargs loop
    bad_ref := null;
    case tg_table_name || '.' || tg_argv[k] || ' ' || tg_argv[k + 1]
      when 'enterprises.street_id areas' then
        select n.street_id, n.district_id into bad_ref, bad_district
        from new_rows n left join public.areas r on r.id = n.street_id
        where n.street_id is not null and case when r.id is null then not lenient else r.district_id is distinct from n.district_id end
        limit 1;
      when 'enterprises.org_id organizations' then
        select n.org_id, n.district_id into bad_ref, bad_district
        from new_rows n left join public.organizations r on r.id = n.org_id
        where n.org_id is not null
          and case when r.id is null then not lenient else r.district_id is not null and r.district_id is distinct from n.district_id end
        limit 1;
      when 'organizations.parent_id organizations' then
        select n.parent_id, n.district_id into bad_ref, bad_district
        from new_rows n left join public.organizations r on r.id = n.parent_id
        where n.parent_id is not null
          and case when r.id is null then not lenient else r.district_id is not null and r.district_id is distinct from n.district_id end
        limit 1;
      when 'areas.parent_id areas' then
        select n.parent_id, n.district_id into bad_ref, bad_district
        from new_rows n left join public.areas r on r.id = n.parent_id
        where n.parent_id is not null and case when r.id is null then not lenient else r.district_id is distinct from n.district_id end
        limit 1;
      else
        raise exception 'same_district_reference: no check for %.% → %', tg_table_name, tg_argv[k], tg_argv[k + 1] using errcode = '0A000';
    end case;
    if bad_ref is not null then
      raise exception '%.% = %: no such row in % of district %', tg_table_name, tg_argv[k], bad_ref, tg_argv[k + 1], coalesce(bad_district, '(none)')
        using errcode = '42501', hint = 'A reference stays inside the row''s district.';
    end if;
    k := k + 2;
  end loop;
  return null;
end
$$;

-- Rows that others name, created (AFTER INSERT) or renamed / moved (AFTER UPDATE: only rows whose
-- (id, district) is new — EXCEPT is a hashed set operation, where an anti-join over two transition
-- tables became a nested loop, minutes for 50k rows). TG_ARGV pairs: referencing table, column.
-- Links must match strictly; references may name a row without a district.
create function private.same_district_referenced() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  k integer := 0;
  bad text;
  ids text[];
  districts text[];
begin
  if tg_op = 'INSERT' then
    select pg_catalog.array_agg(n.id::text), pg_catalog.array_agg(n.district_id) into ids, districts from new_rows n;
  else
    select pg_catalog.array_agg(c.id), pg_catalog.array_agg(c.district_id) into ids, districts
    from (select x.id::text as id, x.district_id from new_rows x except select o.id::text, o.district_id from old_rows o) c;
  end if;
  if ids is null then
    return null;
  end if;
  while k < tg_nargs loop
    bad := null;
    case tg_argv[k] || '.' || tg_argv[k + 1]
      when 'plan_item_enterprises.enterprise_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.plan_item_enterprises t on t.enterprise_id = c.id
        where t.district_id is distinct from c.district_id limit 1;
      when 'organization_enterprises.enterprise_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.organization_enterprises t on t.enterprise_id = c.id
        where t.district_id is distinct from c.district_id limit 1;
      when 'organization_enterprises.organization_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.organization_enterprises t on t.organization_id = c.id
        where t.district_id is distinct from c.district_id limit 1;
      when 'plan_item_enterprises.plan_item_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.plan_item_enterprises t on t.plan_item_id = c.id::uuid
        where t.district_id is distinct from c.district_id limit 1;
      when 'bulletin_snapshots.area_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.bulletin_snapshots t on t.area_id = c.id
        where t.district_id is distinct from c.district_id limit 1;
      when 'enterprises.org_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.enterprises t on t.org_id = c.id
        where c.district_id is not null and t.district_id is distinct from c.district_id limit 1;
      when 'enterprises.street_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.enterprises t on t.street_id = c.id
        where c.district_id is not null and t.district_id is distinct from c.district_id limit 1;
      when 'organizations.parent_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.organizations t on t.parent_id = c.id
        where c.district_id is not null and t.district_id is distinct from c.district_id limit 1;
      when 'areas.parent_id' then
        select c.id into bad from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(districts)) c (id, district_id) join public.areas t on t.parent_id = c.id
        where c.district_id is not null and t.district_id is distinct from c.district_id limit 1;
      else
        raise exception 'same_district_referenced: no check for %.%', tg_argv[k], tg_argv[k + 1] using errcode = '0A000';
    end case;
    if bad is not null then
      raise exception '% %: %.% of another district names it', tg_table_name, bad, tg_argv[k], tg_argv[k + 1]
        using errcode = '42501', hint = 'Remove the cross-district links and references first.';
    end if;
    k := k + 2;
  end loop;
  return null;
end
$$;

-- Ids a function derives: `plan-<uuid>` is the organization of that formed plan item, in its district.
create function private.same_district_derived_ids() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  bad text;
begin
  select n.id into bad from new_rows n
  where n.id like 'plan-%'
    and not exists (
      select 1 from public.plan_items p
      where n.id ~ '^plan-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        and p.id = pg_catalog.substr(n.id, 6)::uuid and p.status = 'formed' and p.district_id is not distinct from n.district_id)
  limit 1;
  if bad is not null then
    raise exception 'organization id % is reserved for the organization its plan item creates when it is formed', bad
      using errcode = '42501';
  end if;
  return null;
end
$$;

-- Identity values come from the sequence, never from `overriding system value`.
create function private.fresh_identity() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence(pg_catalog.format('%I.%I', tg_table_schema, tg_table_name), 'id'));
  return new;
end
$$;

-- 5. Authorship: the database says who wrote a row.
create function private.set_updated_by() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_by := (select auth.uid());
  return new;
end
$$;

revoke execute on function private.same_district_link(), private.same_district_reference(), private.same_district_referenced(),
  private.same_district_derived_ids(), private.fresh_identity(), private.set_updated_by()
  from public, anon, authenticated;
revoke execute on function private.may_name_missing_rows() from public, anon;
grant execute on function private.may_name_missing_rows() to authenticated, service_role;

create trigger plan_item_enterprises_same_district before insert or update on public.plan_item_enterprises
  for each row execute function private.same_district_link('plan_item_id', 'plan_items', 'enterprise_id', 'enterprises');
create trigger organization_enterprises_same_district before insert or update on public.organization_enterprises
  for each row execute function private.same_district_link('organization_id', 'organizations', 'enterprise_id', 'enterprises');
create trigger bulletin_snapshots_same_district before insert or update on public.bulletin_snapshots
  for each row execute function private.same_district_link('area_id', 'areas');
create trigger bulletin_snapshots_fresh_id before insert on public.bulletin_snapshots
  for each row execute function private.fresh_identity();

create trigger enterprises_same_district_insert after insert on public.enterprises referencing new table as new_rows
  for each statement execute function private.same_district_reference('street_id', 'areas', 'org_id', 'organizations');
create trigger enterprises_same_district_update after update on public.enterprises referencing new table as new_rows
  for each statement execute function private.same_district_reference('street_id', 'areas', 'org_id', 'organizations');
create trigger enterprises_referenced_update after update on public.enterprises referencing old table as old_rows new table as new_rows
  for each statement execute function private.same_district_referenced(
    'plan_item_enterprises', 'enterprise_id', 'organization_enterprises', 'enterprise_id');

create trigger organizations_same_district_insert after insert on public.organizations referencing new table as new_rows
  for each statement execute function private.same_district_reference('parent_id', 'organizations');
create trigger organizations_same_district_update after update on public.organizations referencing new table as new_rows
  for each statement execute function private.same_district_reference('parent_id', 'organizations');
create trigger organizations_referenced_insert after insert on public.organizations referencing new table as new_rows
  for each statement execute function private.same_district_referenced(
    'enterprises', 'org_id', 'organizations', 'parent_id');
create trigger organizations_referenced_update after update on public.organizations referencing old table as old_rows new table as new_rows
  for each statement execute function private.same_district_referenced(
    'enterprises', 'org_id', 'organizations', 'parent_id', 'organization_enterprises', 'organization_id');
create trigger organizations_derived_ids_insert after insert on public.organizations referencing new table as new_rows
  for each statement execute function private.same_district_derived_ids();
create trigger organizations_derived_ids_update after update on public.organizations referencing new table as new_rows
  for each statement execute function private.same_district_derived_ids();

create trigger plan_items_referenced_update after update on public.plan_items referencing old table as old_rows new table as new_rows
  for each statement execute function private.same_district_referenced('plan_item_enterprises', 'plan_item_id');

-- Areas: a street's parent is its district (the check constraint ties district_id to parent_id).
create trigger areas_same_district_insert after insert on public.areas referencing new table as new_rows
  for each statement execute function private.same_district_reference('parent_id', 'areas');
create trigger areas_same_district_update after update on public.areas referencing new table as new_rows
  for each statement execute function private.same_district_reference('parent_id', 'areas');
create trigger areas_referenced_insert after insert on public.areas referencing new table as new_rows
  for each statement execute function private.same_district_referenced('enterprises', 'street_id', 'areas', 'parent_id');
create trigger areas_referenced_update after update on public.areas referencing old table as old_rows new table as new_rows
  for each statement execute function private.same_district_referenced(
    'enterprises', 'street_id', 'areas', 'parent_id', 'bulletin_snapshots', 'area_id');

-- 5. The WHEN clause is evaluated in C; the trigger function runs only for a row whose updated_by is not
-- the caller (auth.uid() reads the same two settings), so the functions that already set it pay nothing.
do $$
declare
  t text;
begin
  foreach t in array array['enterprises', 'plan_items', 'slides'] loop
    execute pg_catalog.format($f$
      create trigger %I before insert or update on public.%I for each row
      when (new.updated_by::text is distinct from coalesce(nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
            nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))
      execute function private.set_updated_by()$f$, t || '_updated_by', t);
  end loop;
end
$$;

-- ─── 4. Areas are city data ──────────────────────────────────────────────────────────────────────
drop policy areas_insert on public.areas;
drop policy areas_update on public.areas;
drop policy areas_delete on public.areas;
create policy areas_insert on public.areas for insert to authenticated with check ((select private.is_city()));
create policy areas_update on public.areas for update to authenticated using ((select private.is_city())) with check ((select private.is_city()));
create policy areas_delete on public.areas for delete to authenticated using ((select private.is_city()));

-- ─── 9. GeoJSON: a malformed geometry is the caller's mistake (22023 → HTTP 400), not a server error ──
create function private.geometry_from_geojson(geojson jsonb) returns extensions.geometry
language plpgsql immutable set search_path = '' as $$
begin
  if geojson is null or geojson = 'null'::jsonb then
    return null;
  end if;
  begin
    return extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson(geojson::text), 4326));
  exception when others then
    raise exception 'invalid GeoJSON geometry: %', sqlerrm using errcode = '22023';
  end;
end
$$;
revoke execute on function private.geometry_from_geojson(jsonb) from public, anon;
grant execute on function private.geometry_from_geojson(jsonb) to authenticated, service_role;

create or replace function public.create_plan_item(item jsonb)
returns public.plan_item_rows
language plpgsql volatile set search_path = '' as $$
declare
  created public.plan_items;
  result public.plan_item_rows;
begin
  insert into public.plan_items (district_id, title, kind, level, owner, instructor, due_date, recommendation_id, geom, updated_by)
  values (coalesce(item ->> 'district_id', (select private.staff_district())), coalesce(item ->> 'title', ''), item ->> 'kind', item ->> 'level',
          coalesce(item ->> 'owner', ''), coalesce(item ->> 'instructor', ''), (item ->> 'due_date')::date, item ->> 'recommendation_id',
          private.geometry_from_geojson(item -> 'geometry'), (select auth.uid()))
  returning * into created;
  perform private.set_plan_item_members(created.id, created.district_id,
    array(select pg_catalog.jsonb_array_elements_text(coalesce(item -> 'enterprise_ids', '[]'::jsonb))));
  select * into result from public.plan_item_rows r where r.id = created.id::text;
  return result;
end
$$;

create or replace function public.update_plan_item(item uuid, patch jsonb, expected_version integer)
returns public.plan_item_rows
language plpgsql volatile set search_path = '' as $$
declare
  result public.plan_items;
  read_back public.plan_item_rows;
begin
  update public.plan_items p set
    title = coalesce(patch ->> 'title', p.title),
    kind = coalesce(patch ->> 'kind', p.kind),
    level = case when patch ? 'level' then patch ->> 'level' else p.level end,
    owner = coalesce(patch ->> 'owner', p.owner),
    instructor = coalesce(patch ->> 'instructor', p.instructor),
    due_date = case when patch ? 'due_date' then (patch ->> 'due_date')::date else p.due_date end,
    geom = case when not patch ? 'geometry' then p.geom else private.geometry_from_geojson(patch -> 'geometry') end,
    version = p.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where p.id = item and p.version = expected_version
  returning * into result;
  if not found then
    if exists (select 1 from public.plan_items p where p.id = item) then
      raise exception 'PT409: plan item % was changed by someone else', item using errcode = 'PT409';
    end if;
    raise exception 'PT404: plan item % not found', item using errcode = 'PT404';
  end if;
  if patch ? 'enterprise_ids' then
    if result.status = 'formed' then
      raise exception 'the members of a formed plan item cannot change; move it back to 组建中 first' using errcode = '22023';
    end if;
    perform private.set_plan_item_members(item, result.district_id,
      array(select pg_catalog.jsonb_array_elements_text(patch -> 'enterprise_ids')));
  end if;
  select * into read_back from public.plan_item_rows r where r.id = item::text;
  return read_back;
end
$$;

-- ─── 8. Paged spatial reads (keyset on id, like the list_* functions) ─────────────────────────────
drop function public.enterprises_in_bbox(double precision, double precision, double precision, double precision);
drop function public.enterprises_in_area(text);

create function public.enterprises_in_bbox(west double precision, south double precision, east double precision, north double precision,
  after_id text default null, page_size integer default 1000)
returns setof public.enterprise_rows
language sql stable set search_path = '' set jit = off as $$
  select e.id, e.district_id, e.street_id, e.name, e.credit_code, e.address,
         extensions.st_x(e.geom), extensions.st_y(e.geom),
         e.employees, e.party_members, e.probationary_members, e.registered_capital, e.industry, e.status,
         e.owner_is_member, e.org_id, e.work_covered, e.extra, e.version, e.updated_at, e.updated_by
  from public.enterprises e
  where extensions.st_intersects(e.geom, extensions.st_makeenvelope(west, south, east, north, 4326))
    and (after_id is null or e.id > after_id)
  order by e.id
  limit least(greatest(page_size, 1), 10000)
$$;
comment on function public.enterprises_in_bbox is 'Enterprises inside a WGS-84 bounding box (west, south, east, north), one page after after_id.';

create function public.enterprises_in_area(area text, after_id text default null, page_size integer default 1000)
returns setof public.enterprise_rows
language sql stable set search_path = '' set jit = off as $$
  select e.id, e.district_id, e.street_id, e.name, e.credit_code, e.address,
         extensions.st_x(e.geom), extensions.st_y(e.geom),
         e.employees, e.party_members, e.probationary_members, e.registered_capital, e.industry, e.status,
         e.owner_is_member, e.org_id, e.work_covered, e.extra, e.version, e.updated_at, e.updated_by
  from public.areas a
  join public.enterprises e on extensions.st_intersects(a.geom, e.geom)
  where a.id = area and (after_id is null or e.id > after_id)
  order by e.id
  limit least(greatest(page_size, 1), 10000)
$$;
comment on function public.enterprises_in_area is 'Enterprises whose point lies in an area (district or street), one page after after_id.';

revoke execute on function public.enterprises_in_bbox(double precision, double precision, double precision, double precision, text, integer),
  public.enterprises_in_area(text, text, integer) from public, anon;
grant execute on function public.enterprises_in_bbox(double precision, double precision, double precision, double precision, text, integer),
  public.enterprises_in_area(text, text, integer) to authenticated, service_role;

-- ─── Imports: per-row refusals for what the checks above would refuse for the whole batch ────────────
-- Which of these areas / organizations exist and in which district, whoever may see them (so that an
-- import can say "belongs to another district" for one row instead of failing the whole batch).
create function private.row_districts(tbl text, ids text[]) returns table (id text, district_id text)
language sql stable security definer set search_path = '' as $$
  select a.id, a.district_id from public.areas a where tbl = 'areas' and a.id = any (ids)
  union all
  select o.id, o.district_id from public.organizations o where tbl = 'organizations' and o.id = any (ids)
$$;
revoke execute on function private.row_districts(text, text[]) from public, anon;
grant execute on function private.row_districts(text, text[]) to authenticated, service_role;

create or replace function public.upsert_enterprises(rows jsonb, mode text default 'apply')
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  -- Refuses a caller without a staff row here, before anything is read (42501).
  is_city boolean := (select private.is_city());
  my_district text := (select private.staff_district());
  lenient boolean := (select private.may_name_missing_rows());
  refused integer;
begin
  if mode not in ('apply', 'check', 'all') then
    raise exception 'mode must be apply, check or all' using errcode = '22023';
  end if;
  if not is_city and my_district is null and (select auth.uid()) is not null then
    raise exception 'only staff may import enterprises' using errcode = '42501';
  end if;
  -- Tells plpgsql_check (supabase db lint) the shape of the temporary table; a no-op at run time.
  perform 'PRAGMA:TABLE: lianjian_import (ord integer, key text, code text, point extensions.geometry, street text, district text, existing text, r jsonb, problem text)';
  if pg_catalog.to_regclass('pg_temp.lianjian_import') is null then
    create temporary table lianjian_import (
      ord integer, key text, code text, point extensions.geometry, street text, district text, existing text, r jsonb, problem text
    ) on commit drop;
  else
    truncate pg_temp.lianjian_import;
  end if;
  insert into pg_temp.lianjian_import (ord, key, code, point, r)
  select e.ordinality::integer,
         coalesce(nullif(pg_catalog.btrim(e.value ->> 'id'), ''), nullif(pg_catalog.btrim(e.value ->> 'credit_code'), '')),
         nullif(pg_catalog.btrim(e.value ->> 'credit_code'), ''),
         case when e.value ->> 'lon' is not null and e.value ->> 'lat' is not null
              then extensions.st_setsrid(extensions.st_makepoint((e.value ->> 'lon')::double precision, (e.value ->> 'lat')::double precision), 4326) end,
         e.value
  from pg_catalog.jsonb_array_elements(rows) with ordinality e;
  analyze pg_temp.lianjian_import;

  -- Locate: the district named by id or name; the street by id, else by name (preferring the named
  -- district's street when two districts have a street of that name), else by the point; then the
  -- district from the street or the point. Existing rows by id, else by credit code.
  update pg_temp.lianjian_import i set district = a.id
  from public.areas a
  where a.level = 'district' and a.id = coalesce(i.r ->> 'district_id', i.r ->> 'district');
  update pg_temp.lianjian_import i set district = a.id
  from public.areas a
  where i.district is null and a.level = 'district' and a.name = i.r ->> 'district';
  update pg_temp.lianjian_import i set street = a.id
  from public.areas a
  where a.level = 'street' and a.id = coalesce(i.r ->> 'street_id', i.r ->> 'street');
  update pg_temp.lianjian_import i set street = s.id
  from (select distinct on (x.ord) x.ord, a.id
        from pg_temp.lianjian_import x join public.areas a on a.level = 'street' and a.name = x.r ->> 'street'
        where x.street is null
        order by x.ord, (a.parent_id is not distinct from x.district) desc, a.id) s
  where s.ord = i.ord;
  update pg_temp.lianjian_import i set street = a.id
  from public.areas a
  where i.street is null and a.level = 'street' and extensions.st_intersects(a.geom, i.point);
  update pg_temp.lianjian_import i set street = nullif(i.r ->> 'street_id', '') where i.street is null;
  update pg_temp.lianjian_import i set district = a.parent_id
  from public.areas a
  where i.district is null and a.id = i.street;
  update pg_temp.lianjian_import i set district = a.id
  from public.areas a
  where i.district is null and a.level = 'district' and extensions.st_intersects(a.geom, i.point);
  update pg_temp.lianjian_import i set district = nullif(i.r ->> 'district_id', '') where i.district is null;
  update pg_temp.lianjian_import i set existing = e.id from public.enterprises e where e.id = i.key;
  update pg_temp.lianjian_import i set existing = e.id from public.enterprises e where i.existing is null and i.code is not null and e.credit_code = i.code;

  update pg_temp.lianjian_import i set problem = case
    when i.key is null then 'row has neither id nor credit_code'
    when (i.r ->> 'employees')::numeric < 0 or (i.r ->> 'party_members')::numeric < 0 or (i.r ->> 'probationary_members')::numeric < 0
      or (i.r ->> 'registered_capital')::numeric < 0 then 'a count is negative (check constraint)'
    when not (is_city or i.district = my_district) then pg_catalog.format('district %s is not yours to change', coalesce(i.district, '(none)'))
  end;
  update pg_temp.lianjian_import i set problem = pg_catalog.format('id or credit code %s belongs to another district', i.key)
  where i.problem is null and i.existing is null
    and (i.key in (select t from private.taken_enterprise_keys(
           (select pg_catalog.array_agg(x.key) from pg_temp.lianjian_import x where x.existing is null),
           (select pg_catalog.array_agg(x.code) from pg_temp.lianjian_import x where x.existing is null and x.code is not null)) t)
      or i.code in (select t from private.taken_enterprise_keys('{}', (select pg_catalog.array_agg(x.code) from pg_temp.lianjian_import x where x.existing is null and x.code is not null)) t));
  -- References stay inside the row's district (the same rule as the triggers, one row at a time).
  update pg_temp.lianjian_import i set problem = case
      when s.district_id is null and not s.found and not lenient then pg_catalog.format('street %s is not an area of district %s', i.street, coalesce(i.district, '(none)'))
      when s.found and s.district_id is distinct from i.district then pg_catalog.format('street %s belongs to another district', i.street)
    end
  from (select x.ord, r.id is not null as found, r.district_id
        from pg_temp.lianjian_import x
        left join private.row_districts('areas', (select pg_catalog.array_agg(distinct y.street) from pg_temp.lianjian_import y where y.street is not null)) r on r.id = x.street
        where x.street is not null) s
  where s.ord = i.ord and i.problem is null;
  update pg_temp.lianjian_import i set problem = case
      when not s.found and not lenient then pg_catalog.format('organization %s is not an organization of district %s', i.r ->> 'org_id', coalesce(i.district, '(none)'))
      when s.found and s.district_id is not null and s.district_id is distinct from i.district then pg_catalog.format('organization %s belongs to another district', i.r ->> 'org_id')
    end
  from (select x.ord, r.id is not null as found, r.district_id
        from pg_temp.lianjian_import x
        left join private.row_districts('organizations', (select pg_catalog.array_agg(distinct nullif(y.r ->> 'org_id', '')) from pg_temp.lianjian_import y)) r on r.id = nullif(x.r ->> 'org_id', '')
        where nullif(x.r ->> 'org_id', '') is not null) s
  where s.ord = i.ord and i.problem is null;
  update pg_temp.lianjian_import i set problem = pg_catalog.format('enterprise %s is linked to plan items or organizations of district %s: remove those links first', i.existing, e.district_id)
  from public.enterprises e
  where i.problem is null and e.id = i.existing and e.district_id is distinct from i.district
    and (exists (select 1 from public.plan_item_enterprises m where m.enterprise_id = e.id)
      or exists (select 1 from public.organization_enterprises m where m.enterprise_id = e.id));
  update pg_temp.lianjian_import i set problem = 'the same enterprise appears earlier in this import'
  from (select d.ord, pg_catalog.row_number() over (partition by coalesce(d.existing, d.key) order by d.ord) as n
        from pg_temp.lianjian_import d where d.problem is null) dup
  where dup.ord = i.ord and dup.n > 1;

  select pg_catalog.count(*) into refused from pg_temp.lianjian_import i where i.problem is not null;
  if mode = 'apply' or (mode = 'all' and refused = 0) then
    update public.enterprises e set
      district_id = i.district, street_id = i.street, name = coalesce(i.r ->> 'name', ''), credit_code = i.code,
      address = coalesce(i.r ->> 'address', ''), geom = i.point,
      employees = (i.r ->> 'employees')::integer, party_members = (i.r ->> 'party_members')::integer,
      probationary_members = (i.r ->> 'probationary_members')::integer, registered_capital = (i.r ->> 'registered_capital')::numeric,
      industry = coalesce(i.r ->> 'industry', ''), status = coalesce(i.r ->> 'status', ''),
      owner_is_member = (i.r ->> 'owner_is_member')::boolean, org_id = nullif(i.r ->> 'org_id', ''),
      work_covered = coalesce((i.r ->> 'work_covered')::boolean, false), extra = coalesce(i.r -> 'extra', '{}'::jsonb),
      version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
    from pg_temp.lianjian_import i
    where i.problem is null and i.existing = e.id;
    insert into public.enterprises (id, district_id, street_id, name, credit_code, address, geom, employees, party_members,
      probationary_members, registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, updated_by)
    select i.key, i.district, i.street, coalesce(i.r ->> 'name', ''), i.code, coalesce(i.r ->> 'address', ''), i.point,
      (i.r ->> 'employees')::integer, (i.r ->> 'party_members')::integer, (i.r ->> 'probationary_members')::integer,
      (i.r ->> 'registered_capital')::numeric, coalesce(i.r ->> 'industry', ''), coalesce(i.r ->> 'status', ''),
      (i.r ->> 'owner_is_member')::boolean, nullif(i.r ->> 'org_id', ''), coalesce((i.r ->> 'work_covered')::boolean, false),
      coalesce(i.r -> 'extra', '{}'::jsonb), (select auth.uid())
    from pg_temp.lianjian_import i
    where i.problem is null and i.existing is null;
  end if;

  return query
  select i.ord, coalesce(i.existing, i.key),
         case when i.problem is not null then 'rejected'
              when mode = 'all' and refused > 0 then 'not_written'
              when i.existing is null then 'inserted' else 'updated' end,
         i.problem
  from pg_temp.lianjian_import i order by i.ord;
end
$$;

-- The street a row names is looked up in its named district first (two districts may each have a
-- 城关镇), by hash joins over the (small) areas table instead of a scan of it for every row.
create or replace function public.load_enterprises(rows jsonb)
returns integer
language sql volatile set search_path = '' set jit = off as $$
  with input as (
    select r.*
    from pg_catalog.jsonb_to_recordset(rows) as r(
      id text, name text, credit_code text, district text, street text, address text, lon double precision, lat double precision,
      employees integer, party_members integer, probationary_members integer, registered_capital numeric, industry text,
      status text, owner_is_member boolean, org_id text, work_covered boolean, extra jsonb)
  ), districts as (
    select a.id, a.name from public.areas a where a.level = 'district'
  ), district_names as (
    select distinct on (d.name) d.name, d.id from districts d order by d.name, d.id
  ), streets as (
    select a.id, a.name, a.parent_id from public.areas a where a.level = 'street'
  ), street_names_in as (
    select distinct on (s.name, s.parent_id) s.name, s.parent_id, s.id from streets s order by s.name, s.parent_id, s.id
  ), street_names as (
    select distinct on (s.name) s.name, s.id, s.parent_id from streets s order by s.name, s.id
  ), named as (
    select i.*,
      case when i.lon is not null and i.lat is not null then extensions.st_setsrid(extensions.st_makepoint(i.lon, i.lat), 4326) end as point,
      coalesce(d1.id, d2.id) as named_district
    from input i
    left join districts d1 on d1.id = i.district
    left join district_names d2 on d2.name = i.district
  ), located as (
    select n.*, coalesce(s1.id, s2.id, s3.id) as street_id, coalesce(s1.parent_id, s2.parent_id, s3.parent_id) as street_district
    from named n
    left join streets s1 on s1.id = n.street
    left join street_names_in s2 on s2.name = n.street and s2.parent_id = n.named_district
    left join street_names s3 on s3.name = n.street
  ), placed as (
    select l.*,
      coalesce(
        l.named_district,
        l.street_district,
        (select a.id from public.areas a where a.level = 'district' and extensions.st_intersects(a.geom, l.point) limit 1)) as district_id
    from located l
  ), inserted as (
    insert into public.enterprises (id, district_id, street_id, name, credit_code, address, geom, employees, party_members,
      probationary_members, registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, updated_by)
    select coalesce(nullif(p.id, ''), p.credit_code), p.district_id, p.street_id, coalesce(p.name, ''), nullif(p.credit_code, ''),
      coalesce(p.address, ''), p.point, p.employees, p.party_members, p.probationary_members, p.registered_capital,
      coalesce(p.industry, ''), coalesce(p.status, ''), p.owner_is_member, nullif(p.org_id, ''), coalesce(p.work_covered, false),
      coalesce(p.extra, '{}'::jsonb), (select auth.uid())
    from placed p
    returning 1
  )
  select pg_catalog.count(*)::integer from inserted
$$;

-- The compact audit of an update serialised each row once per field it compared (the lateral was
-- flattened into the sub-selects): 50k updated rows took minutes. Each row is serialised once now.
create or replace function private.audit_updated() returns trigger
language plpgsql security definer set search_path = '' set enable_nestloop = off as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  with pairs as materialized (
    select n.id::text as id, n.district_id, pg_catalog.to_jsonb(o) as o, pg_catalog.to_jsonb(n) as n
    from new_rows n join old_rows o on o.id = n.id
  ), diffs as materialized (
    select p.id, p.district_id,
      (select pg_catalog.jsonb_object_agg(kv.key, kv.value) from pg_catalog.jsonb_each(p.o) kv
        where kv.key not in ('version', 'updated_at', 'updated_by') and kv.value is distinct from p.n -> kv.key) as old_row,
      (select pg_catalog.jsonb_object_agg(kv.key, kv.value) from pg_catalog.jsonb_each(p.n) kv
        where kv.key not in ('version', 'updated_at', 'updated_by') and kv.value is distinct from p.o -> kv.key) as new_row
    from pairs p
  )
  select (select auth.uid()), tg_table_name, d.id, d.district_id, 'update', d.old_row, d.new_row
  from diffs d
  where d.new_row is not null;
  return null;
end
$$;
revoke execute on function private.audit_updated() from public, anon, authenticated;

-- ─── 7. Grants: exactly what the API needs ──────────────────────────────────────────────────────
-- Hosted Supabase grants every privilege on new tables, sequences and functions to anon and
-- authenticated by default. The API reads and writes rows (row-level security decides which) and
-- calls the functions; it never truncates, adds triggers, references, or moves a sequence.
revoke truncate, trigger, references on all tables in schema public from authenticated;
revoke all on all tables in schema public from anon;
revoke all on all sequences in schema public from anon, authenticated;
revoke execute on all functions in schema public from public, anon;
revoke execute on all functions in schema private from public, anon;
alter default privileges in schema public revoke truncate, trigger, references on tables from authenticated;
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon, authenticated;

-- ─── 8–9. Time limits and JIT ───────────────────────────────────────────────────────────────────
-- As hosted Supabase: 3 s for anon, 8 s for signed-in users (PostgREST applies a role's settings to
-- each request). JIT compiles each call of the functions anew (0.55 s for a one-row load): off for the
-- API roles and for every API function (the embedded store switches role with SET ROLE, which does
-- not apply role settings).
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role anon set jit = off;
alter role authenticated set jit = off;

do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_catalog.pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
      and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      and not coalesce('jit=off' = any (p.proconfig), false)
  loop
    execute pg_catalog.format('alter function %s set jit = off', f);
  end loop;
end
$$;

-- ─── 8. The roll-ups inside the time limit at 250k enterprises ──────────────────────────────────
-- Joining areas to enterprises on "district matches or street matches" was a nested loop over both
-- (23 s for coverage_by_area, 30 s for a snapshot as city staff at 250k rows); now the figures are
-- grouped once by district and once by street and joined to the areas by key.
create or replace function public.coverage_by_area(min_employees integer default 30)
returns table (
  area_id text, name text, level text, enterprises bigint, covered bigint, coverage_rate double precision,
  own_org bigint, work_covered bigint, must_cover bigint, must_cover_covered bigint, six_clears_complete bigint
)
language sql stable set search_path = '' set jit = off as $$
  with scoped as (
    select e.district_id, e.street_id, e.work_covered,
           (coalesce(e.org_id, '') <> '') as is_covered,
           (coalesce(e.employees, 0) >= min_employees or coalesce(e.party_members, 0) + coalesce(e.probationary_members, 0) > 0) as is_must,
           (o.form is not distinct from 'standalone') as is_own,
           (e.registered_capital is not null and e.status <> '' and e.owner_is_member is not null
            and e.employees is not null and e.party_members is not null) as is_six_clear
    from public.enterprises e
    left join public.organizations o on o.id = e.org_id
    where private.is_operating(e.status)
  ), figures as (
    select 'district' as level, s.district_id as area_id, pg_catalog.count(*) as enterprises,
           pg_catalog.count(*) filter (where s.is_covered) as covered, pg_catalog.count(*) filter (where s.is_own) as own_org,
           pg_catalog.count(*) filter (where not s.is_covered and s.work_covered) as work_covered,
           pg_catalog.count(*) filter (where s.is_must) as must_cover, pg_catalog.count(*) filter (where s.is_must and s.is_covered) as must_cover_covered,
           pg_catalog.count(*) filter (where s.is_six_clear) as six_clears_complete
    from scoped s where s.district_id is not null group by s.district_id
    union all
    select 'street', s.street_id, pg_catalog.count(*),
           pg_catalog.count(*) filter (where s.is_covered), pg_catalog.count(*) filter (where s.is_own),
           pg_catalog.count(*) filter (where not s.is_covered and s.work_covered),
           pg_catalog.count(*) filter (where s.is_must), pg_catalog.count(*) filter (where s.is_must and s.is_covered),
           pg_catalog.count(*) filter (where s.is_six_clear)
    from scoped s where s.street_id is not null group by s.street_id
  )
  select a.id, a.name, a.level,
         coalesce(f.enterprises, 0), coalesce(f.covered, 0),
         case when coalesce(f.enterprises, 0) = 0 then 0::double precision
              else pg_catalog.round(f.covered::numeric / f.enterprises, 6)::double precision end,
         coalesce(f.own_org, 0), coalesce(f.work_covered, 0), coalesce(f.must_cover, 0), coalesce(f.must_cover_covered, 0),
         coalesce(f.six_clears_complete, 0)
  from public.areas a
  left join figures f on f.level = a.level and f.area_id = a.id
  order by a.level, a.id
$$;

create or replace function public.take_bulletin_snapshot(taken date)
returns setof public.bulletin_snapshots
language sql volatile set search_path = '' set jit = off as $$
  with figures as (
    select c.area_id, c.enterprises, c.covered, c.own_org, c.work_covered, c.must_cover, c.must_cover_covered, c.six_clears_complete,
           a.level, coalesce(a.district_id, case when a.level = 'district' then a.id else a.parent_id end) as district_id
    from public.coverage_by_area() c join public.areas a on a.id = c.area_id
  ), orgs as (
    select 'district' as level, e.district_id as area_id, pg_catalog.count(distinct e.org_id)::integer as organizations
    from public.enterprises e
    where e.district_id is not null and coalesce(e.org_id, '') <> '' and private.is_operating(e.status)
    group by e.district_id
    union all
    select 'street', e.street_id, pg_catalog.count(distinct e.org_id)::integer
    from public.enterprises e
    where e.street_id is not null and coalesce(e.org_id, '') <> '' and private.is_operating(e.status)
    group by e.street_id
  ), members as (
    select p.id, e.district_id, e.street_id
    from public.plan_items p
    join public.plan_item_enterprises m on m.plan_item_id = p.id
    join public.enterprises e on e.id = m.enterprise_id
    where p.status = 'formed'
  ), formed as (
    select 'district' as level, x.district_id as area_id, pg_catalog.count(distinct x.id)::integer as plan_items_formed
    from members x where x.district_id is not null group by x.district_id
    union all
    select 'street', x.street_id, pg_catalog.count(distinct x.id)::integer
    from members x where x.street_id is not null group by x.street_id
  )
  insert into public.bulletin_snapshots as s (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover,
    must_cover_covered, six_clears_complete, organizations, plan_items_formed)
  select taken, f.area_id, f.district_id, f.enterprises::integer, f.covered::integer, f.own_org::integer, f.work_covered::integer,
         f.must_cover::integer, f.must_cover_covered::integer, f.six_clears_complete::integer,
         coalesce(o.organizations, 0), coalesce(p.plan_items_formed, 0)
  from figures f
  left join orgs o on o.level = f.level and o.area_id = f.area_id
  left join formed p on p.level = f.level and p.area_id = f.area_id
  on conflict (taken_on, area_id) do update set
    enterprises = excluded.enterprises, covered = excluded.covered, own_org = excluded.own_org, work_covered = excluded.work_covered,
    must_cover = excluded.must_cover, must_cover_covered = excluded.must_cover_covered, six_clears_complete = excluded.six_clears_complete,
    organizations = excluded.organizations, plan_items_formed = excluded.plan_items_formed
  returning s.*
$$;

-- The operating-status test runs once per enterprise in every roll-up: without a SET clause the
-- planner inlines it (with `set search_path` it was 250k function calls, each switching the setting).
-- Every name in it is schema-qualified, operators included.
create or replace function private.is_operating(status text) returns boolean
language sql immutable as $$
  select pg_catalog.lower(pg_catalog.btrim(coalesce(status, ''))) operator(pg_catalog.=) any (array['', '正常', '在营', '存续', '开业', '营业', 'operating', 'active', 'normal'])
      or pg_catalog.lower(coalesce(status, '')) operator(pg_catalog.!~) '(停业|歇业|注销|吊销|撤销|迁出|清算|关闭|破产|closed|dissolved|revoked|suspended|cancelled)'
$$;
