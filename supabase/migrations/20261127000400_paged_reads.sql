-- Whole-table reads come back in pages ordered by id (keyset: the next page starts after the last id).
-- One response with a 100k-row register blocks whoever deserialises it (the browser's main thread),
-- and PostgREST servers cap the rows of one response (Supabase: 1,000), so callers read until a page is empty.

drop function public.list_enterprises();
drop function public.list_places(text);
drop function public.list_organizations();

create function public.list_enterprises(after_id text default null, page_size integer default 1000)
returns setof public.enterprise_rows
language sql stable set search_path = '' as $$
  select * from public.enterprise_rows e
  where after_id is null or e.id > after_id
  order by e.id
  limit least(greatest(page_size, 1), 10000)
$$;

create function public.list_places(place_kind text, after_id text default null, page_size integer default 1000)
returns table (id text, name text, level text, parent_id text, kind text, floors integer, district_id text, geometry jsonb)
language sql stable set search_path = '' as $$
  select * from (
    select a.id, a.name, a.level, a.parent_id, null::text as kind, null::integer as floors, a.district_id, extensions.st_asgeojson(a.geom, 7)::jsonb as geometry
    from public.areas a where place_kind = 'areas'
    union all
    select b.id, b.name, null, null, null, b.floors, b.district_id, extensions.st_asgeojson(b.geom, 7)::jsonb
    from public.buildings b where place_kind = 'buildings'
    union all
    select z.id, z.name, null, null, z.kind, null, z.district_id, extensions.st_asgeojson(z.geom, 7)::jsonb
    from public.zones z where place_kind = 'zones'
  ) p
  where after_id is null or p.id > after_id
  order by p.id
  limit least(greatest(page_size, 1), 10000)
$$;
comment on function public.list_places is 'Areas, buildings or zones with GeoJSON geometry, one page after after_id.';

create function public.list_organizations(after_id text default null, page_size integer default 1000)
returns setof public.organizations
language sql stable set search_path = '' as $$
  select * from public.organizations o
  where after_id is null or o.id > after_id
  order by o.id
  limit least(greatest(page_size, 1), 10000)
$$;

revoke execute on function public.list_enterprises(text, integer), public.list_places(text, text, integer),
  public.list_organizations(text, integer) from public, anon;
grant execute on function public.list_enterprises(text, integer), public.list_places(text, text, integer),
  public.list_organizations(text, integer) to authenticated, service_role;
