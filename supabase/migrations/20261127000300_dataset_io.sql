-- Reading a whole dataset back, and loading a large trusted register in one statement.

create function public.load_enterprises(rows jsonb)
returns integer
language sql volatile set search_path = '' as $$
  with input as (
    select r.*
    from pg_catalog.jsonb_to_recordset(rows) as r(
      id text, name text, credit_code text, district text, street text, address text, lon double precision, lat double precision,
      employees integer, party_members integer, probationary_members integer, registered_capital numeric, industry text,
      status text, owner_is_member boolean, org_id text, work_covered boolean, extra jsonb)
  ), located as (
    select i.*,
      case when i.lon is not null and i.lat is not null then extensions.st_setsrid(extensions.st_makepoint(i.lon, i.lat), 4326) end as point,
      (select a.id from public.areas a where a.level = 'street' and (a.id = i.street or a.name = i.street) limit 1) as street_id
    from input i
  ), placed as (
    select l.*,
      coalesce(
        (select a.id from public.areas a where a.level = 'district' and (a.id = l.district or a.name = l.district) limit 1),
        (select a.parent_id from public.areas a where a.id = l.street_id),
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
comment on function public.load_enterprises is 'Loads a trusted register (the demo data, a restore) in one statement; all rows or none. Imports use upsert_enterprises.';

create function public.list_places(place_kind text)
returns table (id text, name text, level text, parent_id text, kind text, floors integer, district_id text, geometry jsonb)
language sql stable set search_path = '' as $$
  select a.id, a.name, a.level, a.parent_id, null, null, a.district_id, extensions.st_asgeojson(a.geom, 7)::jsonb
  from public.areas a where place_kind = 'areas'
  union all
  select b.id, b.name, null, null, null, b.floors, b.district_id, extensions.st_asgeojson(b.geom, 7)::jsonb
  from public.buildings b where place_kind = 'buildings'
  union all
  select z.id, z.name, null, null, z.kind, null, z.district_id, extensions.st_asgeojson(z.geom, 7)::jsonb
  from public.zones z where place_kind = 'zones'
  order by 1
$$;
comment on function public.list_places is 'Areas, buildings or zones with GeoJSON geometry.';

create function public.list_enterprises()
returns setof public.enterprise_rows
language sql stable set search_path = '' as $$
  select * from public.enterprise_rows order by id
$$;

create function public.list_organizations()
returns setof public.organizations
language sql stable set search_path = '' as $$
  select * from public.organizations order by id
$$;

create function public.store_counts()
returns table (enterprises bigint, areas bigint, buildings bigint, zones bigint, organizations bigint)
language sql stable set search_path = '' as $$
  select (select pg_catalog.count(*) from public.enterprises), (select pg_catalog.count(*) from public.areas),
         (select pg_catalog.count(*) from public.buildings), (select pg_catalog.count(*) from public.zones),
         (select pg_catalog.count(*) from public.organizations)
$$;

revoke execute on function public.load_enterprises(jsonb), public.list_places(text), public.list_enterprises(),
  public.list_organizations(), public.store_counts() from public, anon;
grant execute on function public.load_enterprises(jsonb), public.list_places(text), public.list_enterprises(),
  public.list_organizations(), public.store_counts() to authenticated, service_role;
