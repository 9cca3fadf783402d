-- What the database decides, called the same way by both repositories (`rpc(name, args)`).
-- All of them run with the caller's rights (row-level security applies) and a pinned search_path.

create function private.is_operating(status text) returns boolean
language sql immutable set search_path = '' as $$
  select pg_catalog.lower(pg_catalog.btrim(coalesce(status, ''))) in ('', '正常', '在营', '存续', '开业', '营业', 'operating', 'active', 'normal')
      or pg_catalog.lower(coalesce(status, '')) !~ '(停业|歇业|注销|吊销|撤销|迁出|清算|关闭|破产|closed|dissolved|revoked|suspended|cancelled)'
$$;
grant execute on function private.is_operating(text) to authenticated, service_role;

create view public.enterprise_rows with (security_invoker = true) as
  select e.id, e.district_id, e.street_id, e.name, e.credit_code, e.address,
         extensions.st_x(e.geom) as lon, extensions.st_y(e.geom) as lat,
         e.employees, e.party_members, e.probationary_members, e.registered_capital, e.industry, e.status,
         e.owner_is_member, e.org_id, e.work_covered, e.extra, e.version, e.updated_at, e.updated_by
  from public.enterprises e;
comment on view public.enterprise_rows is 'Enterprises with plain lon/lat, as both repositories read them (row-level security of the caller applies).';
grant select on public.enterprise_rows to authenticated, service_role;
revoke all on public.enterprise_rows from anon;

create function public.enterprises_in_bbox(west double precision, south double precision, east double precision, north double precision)
returns setof public.enterprise_rows
language sql stable set search_path = '' as $$
  select r.* from public.enterprises e join public.enterprise_rows r on r.id = e.id
  where extensions.st_intersects(e.geom, extensions.st_makeenvelope(west, south, east, north, 4326))
  order by e.id
$$;
comment on function public.enterprises_in_bbox is 'Enterprises inside a WGS-84 bounding box (west, south, east, north).';

create function public.enterprises_in_area(area text)
returns setof public.enterprise_rows
language sql stable set search_path = '' as $$
  select r.* from public.enterprises e
  join public.areas a on a.id = area
  join public.enterprise_rows r on r.id = e.id
  where extensions.st_intersects(a.geom, e.geom)
  order by e.id
$$;
comment on function public.enterprises_in_area is 'Enterprises whose point lies in an area (district or street).';

create function private.taken_enterprise_keys(keys text[], codes text[]) returns setof text
language sql stable security definer set search_path = '' as $$
  select e.id from public.enterprises e where e.id = any(keys)
  union
  select e.credit_code from public.enterprises e where e.credit_code = any(codes)
$$;
comment on function private.taken_enterprise_keys is 'Which of these ids / credit codes exist at all, whoever may see them: an import must not take another district''s key.';
revoke execute on function private.taken_enterprise_keys(text[], text[]) from public, anon;
grant execute on function private.taken_enterprise_keys(text[], text[]) to authenticated, service_role;

-- Set-based: a whole batch is located, checked and written in a few statements (the embedded store
-- writes 200k rows in minutes, not the hour a row-by-row loop takes in WebAssembly).
create function public.upsert_enterprises(rows jsonb, mode text default 'apply')
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' as $$
declare
  is_city boolean := (select private.is_city());
  my_district text := (select private.staff_district());
  refused integer;
begin
  if mode not in ('apply', 'check', 'all') then
    raise exception 'mode must be apply, check or all' using errcode = '22023';
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

  -- Locate: street and district by id or name, else by the point; existing rows by id, else by credit code.
  update pg_temp.lianjian_import i set street = a.id
  from public.areas a
  where a.level = 'street' and (a.id = coalesce(i.r ->> 'street_id', i.r ->> 'street') or a.name = i.r ->> 'street');
  update pg_temp.lianjian_import i set street = a.id
  from public.areas a
  where i.street is null and a.level = 'street' and extensions.st_intersects(a.geom, i.point);
  update pg_temp.lianjian_import i set street = nullif(i.r ->> 'street_id', '') where i.street is null;
  update pg_temp.lianjian_import i set district = a.id
  from public.areas a
  where a.level = 'district' and (a.id = coalesce(i.r ->> 'district_id', i.r ->> 'district') or a.name = i.r ->> 'district');
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
comment on function public.upsert_enterprises is 'Imports enterprises by id or credit code; one result per input row (inserted, updated, rejected with the reason; not_written when mode all refused the batch). mode: apply (keep the good rows), check (try all, keep nothing), all (all rows or none).';

create function public.coverage_by_area(min_employees integer default 30)
returns table (
  area_id text, name text, level text, enterprises bigint, covered bigint, coverage_rate double precision,
  own_org bigint, work_covered bigint, must_cover bigint, must_cover_covered bigint, six_clears_complete bigint
)
language sql stable set search_path = '' as $$
  with scoped as (
    select e.district_id, e.street_id, e.work_covered,
           (coalesce(e.org_id, '') <> '') as is_covered,
           (coalesce(e.employees, 0) >= min_employees or coalesce(e.party_members, 0) + coalesce(e.probationary_members, 0) > 0) as is_must,
           exists (select 1 from public.organizations o where o.id = e.org_id and o.form = 'standalone') as is_own,
           (e.registered_capital is not null and e.status <> '' and e.owner_is_member is not null
            and e.employees is not null and e.party_members is not null) as is_six_clear
    from public.enterprises e
    where private.is_operating(e.status)
  )
  select a.id, a.name, a.level,
         pg_catalog.count(s.is_covered),
         pg_catalog.count(*) filter (where s.is_covered),
         case when pg_catalog.count(s.is_covered) = 0 then 0::double precision
              else pg_catalog.round((pg_catalog.count(*) filter (where s.is_covered))::numeric / pg_catalog.count(s.is_covered), 6)::double precision end,
         pg_catalog.count(*) filter (where s.is_own),
         pg_catalog.count(*) filter (where not s.is_covered and s.work_covered),
         pg_catalog.count(*) filter (where s.is_must),
         pg_catalog.count(*) filter (where s.is_must and s.is_covered),
         pg_catalog.count(*) filter (where s.is_six_clear)
  from public.areas a
  left join scoped s on (a.level = 'district' and s.district_id = a.id) or (a.level = 'street' and s.street_id = a.id)
  group by a.id, a.name, a.level
  order by a.level, a.id
$$;
comment on function public.coverage_by_area is 'Coverage figures per area over operating enterprises: the same definitions as the planning core.';

create function public.set_plan_item_status(item uuid, new_status text, expected_version integer)
returns public.plan_items
language plpgsql volatile set search_path = '' as $$
declare
  current_row public.plan_items;
  result public.plan_items;
begin
  select * into current_row from public.plan_items p where p.id = item;
  if not found then
    raise exception 'PT404: plan item % not found', item using errcode = 'PT404';
  end if;
  if current_row.version <> expected_version then
    raise exception 'PT409: plan item % was changed by someone else (version % now, % expected)', item, current_row.version, expected_version
      using errcode = 'PT409';
  end if;
  if not ((current_row.status, new_status) in (('proposed', 'forming'), ('forming', 'formed'), ('forming', 'proposed'), ('formed', 'forming'))) then
    raise exception 'cannot move a plan item from % to %', current_row.status, new_status using errcode = '22023';
  end if;
  update public.plan_items p set status = new_status, version = p.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where p.id = item and p.version = expected_version
  returning * into result;
  if not found then
    raise exception 'PT409: plan item % was changed by someone else', item using errcode = 'PT409';
  end if;
  return result;
end
$$;
comment on function public.set_plan_item_status is 'Moves a plan item one step (拟建 → 组建中 → 已组建, or back one step); refuses a stale version.';

create function public.update_enterprise(target text, patch jsonb, expected_version integer)
returns public.enterprise_rows
language plpgsql volatile set search_path = '' as $$
declare
  changed text;
  result public.enterprise_rows;
begin
  update public.enterprises e set
    name = coalesce(patch ->> 'name', e.name),
    address = coalesce(patch ->> 'address', e.address),
    employees = case when patch ? 'employees' then (patch ->> 'employees')::integer else e.employees end,
    party_members = case when patch ? 'party_members' then (patch ->> 'party_members')::integer else e.party_members end,
    probationary_members = case when patch ? 'probationary_members' then (patch ->> 'probationary_members')::integer else e.probationary_members end,
    registered_capital = case when patch ? 'registered_capital' then (patch ->> 'registered_capital')::numeric else e.registered_capital end,
    industry = coalesce(patch ->> 'industry', e.industry),
    status = coalesce(patch ->> 'status', e.status),
    owner_is_member = case when patch ? 'owner_is_member' then (patch ->> 'owner_is_member')::boolean else e.owner_is_member end,
    org_id = case when patch ? 'org_id' then nullif(patch ->> 'org_id', '') else e.org_id end,
    work_covered = coalesce((patch ->> 'work_covered')::boolean, e.work_covered),
    district_id = coalesce(patch ->> 'district_id', e.district_id),
    version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where e.id = target and e.version = expected_version
  returning e.id into changed;
  if changed is null then
    if exists (select 1 from public.enterprises e where e.id = target) then
      raise exception 'PT409: enterprise % was changed by someone else (expected version %)', target, expected_version using errcode = 'PT409';
    end if;
    raise exception 'PT404: enterprise % not found', target using errcode = 'PT404';
  end if;
  select * into result from public.enterprise_rows r where r.id = changed;
  return result;
end
$$;
comment on function public.update_enterprise is 'Edits an enterprise if it is still at the expected version (optimistic locking); a stale edit is refused.';

revoke execute on function public.enterprises_in_bbox(double precision, double precision, double precision, double precision),
  public.enterprises_in_area(text), public.upsert_enterprises(jsonb, text), public.coverage_by_area(integer),
  public.set_plan_item_status(uuid, text, integer), public.update_enterprise(text, jsonb, integer) from public, anon;
grant execute on function public.enterprises_in_bbox(double precision, double precision, double precision, double precision),
  public.enterprises_in_area(text), public.upsert_enterprises(jsonb, text), public.coverage_by_area(integer),
  public.set_plan_item_status(uuid, text, integer), public.update_enterprise(text, jsonb, integer) to authenticated, service_role;

create function public.upsert_places(place_kind text, features jsonb)
returns table (row_no integer, place_id text, action text, message text)
language plpgsql volatile set search_path = '' as $$
declare
  f jsonb;
  n integer;
  props jsonb;
  shape extensions.geometry;
  fid text;
  district text;
begin
  if place_kind not in ('areas', 'buildings', 'zones') then
    raise exception 'unknown place kind %', place_kind using errcode = '22023';
  end if;
  for f, n in select value, ordinality::integer from pg_catalog.jsonb_array_elements(features) with ordinality loop
    begin
      props := coalesce(f -> 'properties', '{}'::jsonb);
      fid := props ->> 'id';
      shape := extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson((f -> 'geometry')::text), 4326));
      if place_kind = 'areas' then
        district := case when props ->> 'level' = 'district' then fid else props ->> 'parent' end;
        insert into public.areas (id, name, level, parent_id, district_id, geom)
        values (fid, coalesce(props ->> 'name', ''), props ->> 'level', props ->> 'parent', district, shape)
        on conflict (id) do update set name = excluded.name, level = excluded.level, parent_id = excluded.parent_id,
          district_id = excluded.district_id, geom = excluded.geom;
      else
        district := coalesce(props ->> 'district_id', (
          select a.id from public.areas a where a.level = 'district'
          and extensions.st_intersects(a.geom, extensions.st_pointonsurface(shape)) limit 1));
        if place_kind = 'buildings' then
          insert into public.buildings (id, district_id, name, floors, geom)
          values (fid, district, coalesce(props ->> 'name', ''), (props ->> 'floors')::integer, shape)
          on conflict (id) do update set district_id = excluded.district_id, name = excluded.name, floors = excluded.floors, geom = excluded.geom;
        else
          insert into public.zones (id, district_id, name, kind, geom)
          values (fid, district, coalesce(props ->> 'name', ''), props ->> 'kind', shape)
          on conflict (id) do update set district_id = excluded.district_id, name = excluded.name, kind = excluded.kind, geom = excluded.geom;
        end if;
      end if;
      row_no := n; place_id := fid; action := 'upserted'; message := null;
      return next;
    exception when others then
      row_no := n; place_id := fid; action := 'rejected'; message := sqlerrm;
      return next;
    end;
  end loop;
end
$$;
comment on function public.upsert_places is 'Imports GeoJSON features as areas, buildings or zones; one result per feature.';

create function public.upsert_organizations(orgs jsonb)
returns table (row_no integer, organization_id text, action text, message text)
language plpgsql volatile set search_path = '' as $$
declare
  o jsonb;
  n integer;
begin
  for o, n in select value, ordinality::integer from pg_catalog.jsonb_array_elements(orgs) with ordinality loop
    begin
      insert into public.organizations (id, district_id, name, level, form, parent_id)
      values (o ->> 'id', o ->> 'district_id', coalesce(o ->> 'name', ''), o ->> 'level', o ->> 'form', o ->> 'parent_id')
      on conflict (id) do update set district_id = excluded.district_id, name = excluded.name, level = excluded.level,
        form = excluded.form, parent_id = excluded.parent_id;
      row_no := n; organization_id := o ->> 'id'; action := 'upserted'; message := null;
      return next;
    exception when others then
      row_no := n; organization_id := o ->> 'id'; action := 'rejected'; message := sqlerrm;
      return next;
    end;
  end loop;
end
$$;
comment on function public.upsert_organizations is 'Imports existing Party organizations; one result per row.';

create function public.create_plan_item(item jsonb)
returns public.plan_items
language plpgsql volatile set search_path = '' as $$
declare
  created public.plan_items;
begin
  insert into public.plan_items (district_id, title, kind, level, owner, instructor, due_date, recommendation_id, geom, updated_by)
  values (item ->> 'district_id', coalesce(item ->> 'title', ''), item ->> 'kind', item ->> 'level', coalesce(item ->> 'owner', ''),
          coalesce(item ->> 'instructor', ''), (item ->> 'due_date')::date, item ->> 'recommendation_id',
          case when item ? 'geometry' and item -> 'geometry' <> 'null'::jsonb
               then extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson((item -> 'geometry')::text), 4326)) end,
          (select auth.uid()))
  returning * into created;
  insert into public.plan_item_enterprises (plan_item_id, enterprise_id, district_id)
  select created.id, value, created.district_id from pg_catalog.jsonb_array_elements_text(coalesce(item -> 'enterprise_ids', '[]'::jsonb));
  return created;
end
$$;
comment on function public.create_plan_item is 'Creates a plan item (拟建) with the enterprises it would cover.';

create function public.enterprise_history(target text)
returns setof public.audit_log
language sql stable set search_path = '' as $$
  select * from public.audit_log a where a.table_name = 'enterprises' and a.row_id = target order by a.id
$$;
comment on function public.enterprise_history is 'The audit trail of one enterprise, oldest first.';

revoke execute on function public.upsert_places(text, jsonb), public.upsert_organizations(jsonb), public.create_plan_item(jsonb),
  public.enterprise_history(text) from public, anon;
grant execute on function public.upsert_places(text, jsonb), public.upsert_organizations(jsonb), public.create_plan_item(jsonb),
  public.enterprise_history(text) to authenticated, service_role;
