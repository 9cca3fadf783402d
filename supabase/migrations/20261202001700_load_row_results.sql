-- The bulk load reports rows outside the caller's scope one by one (issue 13, cont.).
-- load_enterprises was one insert under the caller's row-level security: a street user's batch with one
-- enterprise of another street (or a district user's with one of another district) failed whole (42501),
-- while upsert_enterprises refuses such rows one at a time. It now answers as the imports do, one result
-- per input row (row_no, enterprise_id, action inserted | rejected, message), loads the rows in the caller's
-- scope and rejects the others, naming the streets (districts):
--   enterprise X is in another street (天水街道): only enterprises of 武林街道 are yours to load
--   enterprise X is in another district (江干区): only enterprises of 下城区 are yours to load
-- Also rejected row by row instead of failing the batch: a row with neither id nor credit code, a row whose
-- street lies in another district than the row, the same enterprise twice in one load, an enterprise the
-- store already holds (loads insert; imports update). City staff, callers without a JWT and roles that bypass
-- row-level security (service role) are not limited to an area. Row-level security stays the backstop.
-- load_register (the baseline run) returns the same rows; its run counts the rows loaded.

drop function public.load_register(jsonb);
drop function public.load_enterprises(jsonb);

create function public.load_enterprises(rows jsonb)
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  -- Without a JWT, or as a role that bypasses row-level security (service_role, the owner): not limited.
  trusted boolean := (select auth.uid()) is null
    or exists (select 1 from pg_catalog.pg_roles r where r.rolname = current_user and (r.rolbypassrls or r.rolsuper));
  limited boolean := false;
  my_district text;
  my_street text;
  my_district_name text;
  my_street_name text;
begin
  if not trusted then
    -- Refuses a caller without a staff row here, before anything is read (42501).
    limited := not (select private.is_city());
    my_district := (select private.staff_district());
    my_street := (select private.staff_street());
    if limited and my_district is null then
      raise exception 'only staff may load enterprises' using errcode = '42501';
    end if;
  end if;
  if limited then
    select coalesce(pg_catalog.max(c.name), my_district) into my_district_name from public.area_choices() c where c.id = my_district;
    select coalesce(pg_catalog.max(c.name), my_street) into my_street_name from public.area_choices() c where c.id = my_street;
  end if;
  return query
  with input as (
    select r.*
    from rows from (pg_catalog.jsonb_to_recordset(rows) as (
      id text, name text, credit_code text, district text, street text, address text, lon double precision, lat double precision,
      employees integer, party_members integer, probationary_members integer, registered_capital numeric, industry text,
      status text, owner_is_member boolean, org_id text, work_covered boolean, extra jsonb,
      members_elsewhere integer, members_elsewhere_at text, members_transferred integer, transfer_status text, transfer_on date,
      trade_union boolean, youth_league boolean, womens_federation boolean, key_category text, liaison text, registered_on date))
      with ordinality as r(id, name, credit_code, district, street, address, lon, lat, employees, party_members, probationary_members,
        registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, members_elsewhere, members_elsewhere_at,
        members_transferred, transfer_status, transfer_on, trade_union, youth_league, womens_federation, key_category, liaison,
        registered_on, ord)
  ), choices as materialized (
    -- Names for the messages, also of areas the caller does not read (districts and streets only).
    select c.id, c.name, c.level, c.parent_id from public.area_choices() c where limited
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
      coalesce(nullif(i.id, ''), nullif(i.credit_code, '')) as key,
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
  ), judged as (
    select p.*,
      case
        when p.key is null then 'row has neither id nor credit_code'
        -- Another district's row: placed there, or naming a district the caller cannot read (its areas are
        -- hidden from them, so the row would otherwise be placed by its street or point alone).
        when limited and (p.district_id is distinct from my_district
          or (p.named_district is null and exists (select 1 from choices c where c.level = 'district' and c.id <> my_district
                                                   and (c.id = p.district or c.name = p.district)))) then pg_catalog.format(
          'enterprise %s is in another district (%s): only enterprises of %s are yours to load', p.key,
          coalesce((select pg_catalog.min(c.name) from choices c where c.level = 'district' and p.named_district is null and (c.id = p.district or c.name = p.district)),
                   (select c.name from choices c where c.level = 'district' and c.id = p.district_id),
                   (select pg_catalog.min(d.name) from choices c join choices d on d.id = c.parent_id
                    where c.level = 'street' and (c.id = p.street or c.name = p.street)),
                   nullif(p.district, ''), '—'),
          my_district_name)
        when limited and nullif(p.street, '') is not null and p.street_id is null then pg_catalog.format(
          'street %s is not a street of %s', coalesce((select pg_catalog.min(c.name) from choices c where c.level = 'street' and c.id = p.street), p.street),
          my_district_name)
        when limited and my_street is not null and p.street_id is null then pg_catalog.format(
          'enterprise %s names no street: only enterprises of %s are yours to load', p.key, my_street_name)
        when limited and my_street is not null and p.street_id is distinct from my_street then pg_catalog.format(
          'enterprise %s is in another street (%s): only enterprises of %s are yours to load', p.key,
          coalesce((select c.name from choices c where c.id = p.street_id), p.street_id),
          my_street_name)
        when p.street_id is not null and p.street_district is distinct from p.district_id then pg_catalog.format(
          'street %s belongs to another district than the row''s (%s)', coalesce(nullif(p.street, ''), p.street_id), p.district_id)
        when pg_catalog.row_number() over (partition by p.key order by p.ord) > 1 then 'the same enterprise appears earlier in this load'
        when exists (select 1 from public.enterprises e where e.id = p.key) then pg_catalog.format('enterprise %s is already in the store: import it to update it', p.key)
      end as problem
    from placed p
  ), inserted as (
    insert into public.enterprises (id, district_id, street_id, name, credit_code, address, geom, employees, party_members,
      probationary_members, registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, updated_by,
      members_elsewhere, members_elsewhere_at, members_transferred, transfer_status, transfer_on, trade_union, youth_league,
      womens_federation, key_category, liaison, registered_on)
    select j.key, j.district_id, j.street_id, coalesce(j.name, ''), nullif(j.credit_code, ''),
      coalesce(j.address, ''), j.point, j.employees, j.party_members, j.probationary_members, j.registered_capital,
      coalesce(j.industry, ''), coalesce(j.status, ''), j.owner_is_member, nullif(j.org_id, ''), coalesce(j.work_covered, false),
      coalesce(j.extra, '{}'::jsonb), (select auth.uid()),
      j.members_elsewhere, nullif(pg_catalog.btrim(j.members_elsewhere_at), ''), j.members_transferred,
      coalesce(nullif(j.transfer_status, ''), private.derived_transfer_status(j.members_elsewhere, j.members_transferred)),
      j.transfer_on, j.trade_union, j.youth_league, j.womens_federation, nullif(pg_catalog.btrim(j.key_category), ''),
      nullif(pg_catalog.btrim(j.liaison), ''), j.registered_on
    from judged j
    where j.problem is null
    returning 1
  )
  select j.ord::integer, j.key, case when j.problem is null then 'inserted' else 'rejected' end, j.problem
  from judged j
  order by j.ord;
end
$$;
comment on function public.load_enterprises is
  'Loads a register (the demo data, a restore) in one statement: one result per input row, inserted or rejected with the reason (outside the caller''s district or street, no id, street of another district, twice, already stored). Imports that update use upsert_enterprises.';

-- The trusted bulk load (first start, restore) as a run: the baseline, with no changes. As in
-- 20261202001500, with load_enterprises' row results.
create function public.load_register(rows jsonb)
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  -- The results as one value (a temporary table would hide them from plpgsql_check).
  results jsonb;
  run bigint;
begin
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::jsonb) into results from public.load_enterprises(rows) r;
  run := public.start_register_import(false,
    (select pg_catalog.count(*)::integer from pg_catalog.jsonb_array_elements(results) x where x ->> 'action' = 'inserted'));
  perform private.mark_baseline(run);
  perform public.finish_register_import(run);
  return query select (x ->> 'row_no')::integer, x ->> 'enterprise_id', x ->> 'action', x ->> 'message'
    from pg_catalog.jsonb_array_elements(results) x order by (x ->> 'row_no')::integer;
end
$$;
comment on function public.load_register is
  'The bulk load (load_enterprises, one result per row) recorded as a baseline register import with no changes.';

revoke execute on function public.load_enterprises(jsonb), public.load_register(jsonb) from public, anon;
grant execute on function public.load_enterprises(jsonb), public.load_register(jsonb) to authenticated, service_role;
