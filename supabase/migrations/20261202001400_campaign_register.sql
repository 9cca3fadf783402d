-- The campaign's working methods on the register (issue 16, parts 1, 2 and 5; dataset contract
-- "Additions for the campaign's working methods"). New enterprise columns, blank = unknown = null:
--   members_elsewhere     组织关系在外党员: members working here whose relationship is held elsewhere (all
--                         that were found, including those who have since transferred);
--   members_elsewhere_at  组织关系所在: where (市人才中心 / 流动人员党委 / 原籍 / any other place), ';'-separated;
--   members_transferred   已转入党员: of those, how many have transferred here (they count as formal members);
--   transfer_status       转接状态 pending 待转接 → in_progress 转接中 → done 已转接 (all transferred), and
--   transfer_on           the date of its last step;
--   trade_union, youth_league, womens_federation   工会 / 共青团 / 妇联 (yes / no / unknown);
--   key_category, liaison  重点企业类别 (亿元以上 / 优势成长型 / 双重管理 …) and its 结对联系 person;
--   registered_on         成立日期.
-- The transfer is one status per enterprise (no table of its own): the RPC complete_member_transfer marks
-- members 已转接 and adds them to the enterprise's formal members in the same update (audited, fed).
-- private.campaign_area_figures() gives the per-area counts the bulletin joins.

alter table public.enterprises
  add column members_elsewhere integer check (members_elsewhere >= 0),
  add column members_elsewhere_at text,
  add column members_transferred integer check (members_transferred >= 0),
  add column transfer_status text check (transfer_status in ('pending', 'in_progress', 'done')),
  add column transfer_on date,
  add column trade_union boolean,
  add column youth_league boolean,
  add column womens_federation boolean,
  add column key_category text,
  add column liaison text,
  add column registered_on date,
  add constraint enterprises_transferred_within_elsewhere
    check (members_transferred is null or members_elsewhere is null or members_transferred <= members_elsewhere),
  add constraint enterprises_transfer_done_means_all
    check (transfer_status is distinct from 'done' or coalesce(members_transferred, 0) >= coalesce(members_elsewhere, 0));
comment on column public.enterprises.members_elsewhere is '组织关系在外党员: members working here whose Party relationship is held elsewhere (including those since transferred).';
comment on column public.enterprises.members_elsewhere_at is '组织关系所在: 市人才中心 / 流动人员党委 / 原籍 / another place; several separated by ";".';
comment on column public.enterprises.members_transferred is '已转入党员: of members_elsewhere, how many have transferred their relationship here (counted in party_members).';
comment on column public.enterprises.transfer_status is '转接状态 of the members still elsewhere: pending 待转接, in_progress 转接中, done 已转接 (all transferred).';
comment on column public.enterprises.trade_union is '工会: a trade-union branch exists (null = unknown).';
comment on column public.enterprises.key_category is '重点企业类别 (亿元以上 / 优势成长型 / 双重管理 …): a key enterprise in one-to-one liaison.';
create index enterprises_key_category_idx on public.enterprises (key_category) where key_category is not null;

-- The status an import gives when it names none: from the counts.
create function private.derived_transfer_status(elsewhere integer, transferred integer) returns text
language sql immutable set search_path = '' as $$
  select case when coalesce(elsewhere, 0) <= 0 then null
              when coalesce(transferred, 0) >= elsewhere then 'done'
              when coalesce(transferred, 0) > 0 then 'in_progress'
              else 'pending' end
$$;
revoke execute on function private.derived_transfer_status(integer, integer) from public, anon;
grant execute on function private.derived_transfer_status(integer, integer) to authenticated, service_role;

-- ─── Reads: the view carries the new columns (every list function, the paged reads and the feed's
-- enterprise row are `select *` / to_jsonb of it). New columns go at the end (create or replace view).
create or replace view public.enterprise_rows with (security_invoker = true) as
  select e.id, e.district_id, e.street_id, e.name, e.credit_code, e.address,
         extensions.st_x(e.geom) as lon, extensions.st_y(e.geom) as lat,
         e.employees, e.party_members, e.probationary_members, e.registered_capital, e.industry, e.status,
         e.owner_is_member, e.org_id, e.work_covered, e.extra, e.version, e.updated_at, e.updated_by,
         e.members_elsewhere, e.members_elsewhere_at, e.members_transferred, e.transfer_status, e.transfer_on,
         e.trade_union, e.youth_league, e.womens_federation, e.key_category, e.liaison, e.registered_on
  from public.enterprises e;

-- The paged spatial reads named their columns (20261201000900): they read the view's rows now, so a
-- column added to the view reaches them too.
create or replace function public.enterprises_in_bbox(west double precision, south double precision, east double precision, north double precision,
  after_id text default null, page_size integer default 1000)
returns setof public.enterprise_rows
language sql stable set search_path = '' set jit = off as $$
  select r.* from public.enterprises e join public.enterprise_rows r on r.id = e.id
  where extensions.st_intersects(e.geom, extensions.st_makeenvelope(west, south, east, north, 4326))
    and (after_id is null or e.id > after_id)
  order by e.id
  limit least(greatest(page_size, 1), 10000)
$$;

create or replace function public.enterprises_in_area(area text, after_id text default null, page_size integer default 1000)
returns setof public.enterprise_rows
language sql stable set search_path = '' set jit = off as $$
  select r.* from public.areas a
  join public.enterprises e on extensions.st_intersects(a.geom, e.geom)
  join public.enterprise_rows r on r.id = e.id
  where a.id = area and (after_id is null or e.id > after_id)
  order by e.id
  limit least(greatest(page_size, 1), 10000)
$$;

-- ─── Street staff: one check for every single-enterprise write ─────────────────────────────────────
create function private.refuse_other_street(target text) returns void
language plpgsql stable set search_path = '' as $$
declare
  my_street text := (select private.staff_street());
  its_street text;
begin
  if my_street is null then
    return;
  end if;
  select e.street_id into its_street from public.enterprises e where e.id = target;
  if found and its_street is distinct from my_street then
    raise exception 'enterprise % is in another street (%): only enterprises of % are yours to change', target,
      coalesce((select a.name from public.areas a where a.id = its_street), its_street, '—'),
      coalesce((select a.name from public.areas a where a.id = my_street), my_street)
      using errcode = '42501';
  end if;
end
$$;
revoke execute on function private.refuse_other_street(text) from public, anon;
grant execute on function private.refuse_other_street(text) to authenticated, service_role;

-- ─── Edits: update_enterprise carries the new columns ───────────────────────────────────────────────
-- As in 20261202001600 (the street check first), plus the campaign columns. A key that the patch does not
-- name keeps its value; a key set to null clears it (unknown). 已转接 through an edit needs every member
-- transferred (the check constraint): complete_member_transfer is the way that also counts them in.
create or replace function public.update_enterprise(target text, patch jsonb, expected_version integer)
returns public.enterprise_rows
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  changed text;
  result public.enterprise_rows;
begin
  perform private.refuse_other_street(target);
  update public.enterprises e set
    name = coalesce(patch ->> 'name', e.name),
    address = coalesce(patch ->> 'address', e.address),
    credit_code = case when patch ? 'credit_code' then nullif(patch ->> 'credit_code', '') else e.credit_code end,
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
    members_elsewhere = case when patch ? 'members_elsewhere' then (patch ->> 'members_elsewhere')::integer else e.members_elsewhere end,
    members_elsewhere_at = case when patch ? 'members_elsewhere_at' then nullif(pg_catalog.btrim(patch ->> 'members_elsewhere_at'), '') else e.members_elsewhere_at end,
    members_transferred = case when patch ? 'members_transferred' then (patch ->> 'members_transferred')::integer else e.members_transferred end,
    transfer_status = case when patch ? 'transfer_status' then nullif(patch ->> 'transfer_status', '') else e.transfer_status end,
    transfer_on = case when patch ? 'transfer_on' then nullif(patch ->> 'transfer_on', '')::date else e.transfer_on end,
    trade_union = case when patch ? 'trade_union' then (patch ->> 'trade_union')::boolean else e.trade_union end,
    youth_league = case when patch ? 'youth_league' then (patch ->> 'youth_league')::boolean else e.youth_league end,
    womens_federation = case when patch ? 'womens_federation' then (patch ->> 'womens_federation')::boolean else e.womens_federation end,
    key_category = case when patch ? 'key_category' then nullif(pg_catalog.btrim(patch ->> 'key_category'), '') else e.key_category end,
    liaison = case when patch ? 'liaison' then nullif(pg_catalog.btrim(patch ->> 'liaison'), '') else e.liaison end,
    registered_on = case when patch ? 'registered_on' then nullif(patch ->> 'registered_on', '')::date else e.registered_on end,
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
comment on function public.update_enterprise is
  'Edits an enterprise if it is still at the expected version (optimistic locking); a stale edit is refused (PT409), another street''s enterprise too (42501, for street staff). Carries the campaign columns.';

-- ─── 已转接: members move into the enterprise's formal members ───────────────────────────────────────
-- `members` of those still elsewhere (null = all of them) have transferred on `done_on` (null = today):
-- members_transferred and party_members grow by that many, the status becomes 已转接 when none is left
-- (else 转接中). One update of the enterprise row: the audit log records old → new counts, the feed
-- carries the row to every client, and the figures follow from the formal members.
create function public.complete_member_transfer(target text, members integer, expected_version integer, done_on date default null)
returns public.enterprise_rows
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  e public.enterprises;
  pending integer;
  moved integer;
  result public.enterprise_rows;
begin
  perform private.refuse_other_street(target);
  select * into e from public.enterprises x where x.id = target;
  if not found then
    raise exception 'PT404: enterprise % not found', target using errcode = 'PT404';
  end if;
  if e.version <> expected_version then
    raise exception 'PT409: enterprise % was changed by someone else (expected version %)', target, expected_version using errcode = 'PT409';
  end if;
  pending := coalesce(e.members_elsewhere, 0) - coalesce(e.members_transferred, 0);
  if pending <= 0 then
    raise exception 'enterprise % has no member whose relationship is still elsewhere', target using errcode = '22023';
  end if;
  moved := coalesce(members, pending);
  if moved < 1 or moved > pending then
    raise exception 'enterprise % has % member(s) to transfer, not %', target, pending, moved using errcode = '22023';
  end if;
  update public.enterprises x set
    members_transferred = coalesce(x.members_transferred, 0) + moved,
    party_members = coalesce(x.party_members, 0) + moved,
    transfer_status = case when moved = pending then 'done' else 'in_progress' end,
    transfer_on = coalesce(done_on, current_date),
    version = x.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where x.id = target and x.version = expected_version
  returning x.id into target;
  if target is null then
    -- Visible but not writable (row-level security of the update).
    raise exception 'enterprise is not yours to change' using errcode = '42501';
  end if;
  select * into result from public.enterprise_rows r where r.id = target;
  return result;
end
$$;
comment on function public.complete_member_transfer is
  '已转接: members (null = all still elsewhere) have transferred their Party relationship to the enterprise; they join its formal members (audited). PT409 on a stale version, 22023 for more than are pending.';
revoke execute on function public.complete_member_transfer(text, integer, integer, date) from public, anon;
grant execute on function public.complete_member_transfer(text, integer, integer, date) to authenticated, service_role;

-- ─── Imports: upsert_enterprises and load_enterprises carry the new columns ─────────────────────────
-- As in 20261201001200, plus the campaign columns: a row that does not name a column (the file has no
-- such column) keeps the stored value on update; a named null is unknown. Bad values are row problems.
create or replace function public.upsert_enterprises(rows jsonb, mode text default 'apply')
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  -- Refuses a caller without a staff row here, before anything is read (42501).
  is_city boolean := (select private.is_city());
  my_district text := (select private.staff_district());
  lenient boolean := (select private.may_name_missing_rows());
  my_street text := (select private.staff_street());
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
      or (i.r ->> 'registered_capital')::numeric < 0 or (i.r ->> 'members_elsewhere')::numeric < 0
      or (i.r ->> 'members_transferred')::numeric < 0 then 'a count is negative (check constraint)'
    when (i.r ->> 'members_transferred')::numeric > (i.r ->> 'members_elsewhere')::numeric
      then 'members_transferred is more than members_elsewhere'
    when coalesce(i.r ->> 'transfer_status', '') not in ('', 'pending', 'in_progress', 'done')
      then pg_catalog.format('transfer_status %s is not pending, in_progress or done', i.r ->> 'transfer_status')
    when i.r ->> 'transfer_status' = 'done' and coalesce((i.r ->> 'members_transferred')::numeric, 0) < coalesce((i.r ->> 'members_elsewhere')::numeric, 0)
      then 'transfer_status done needs every member elsewhere transferred'
    when coalesce(i.r ->> 'registered_on', '') !~ '^(\d{4}-\d{2}-\d{2})?$' then pg_catalog.format('registered_on %s is not a date (YYYY-MM-DD)', i.r ->> 'registered_on')
    when coalesce(i.r ->> 'transfer_on', '') !~ '^(\d{4}-\d{2}-\d{2})?$' then pg_catalog.format('transfer_on %s is not a date (YYYY-MM-DD)', i.r ->> 'transfer_on')
    when not (is_city or i.district = my_district) then pg_catalog.format('district %s is not yours to change', coalesce(i.district, '(none)'))
  end;
  if my_street is not null then
    update pg_temp.lianjian_import i set problem = pg_catalog.format('only enterprises of street %s are yours to change', my_street)
    where i.problem is null and (i.street is distinct from my_street
      or exists (select 1 from public.enterprises e where e.id = i.existing and e.street_id is distinct from my_street));
  end if;
  update pg_temp.lianjian_import i set problem = pg_catalog.format('id or credit code %s belongs to another district', i.key)
  where i.problem is null and i.existing is null
    and (i.key in (select t from private.taken_enterprise_keys(
           (select pg_catalog.array_agg(x.key) from pg_temp.lianjian_import x where x.existing is null),
           (select pg_catalog.array_agg(x.code) from pg_temp.lianjian_import x where x.existing is null and x.code is not null)) t)
      or i.code in (select t from private.taken_enterprise_keys('{}', (select pg_catalog.array_agg(x.code) from pg_temp.lianjian_import x where x.existing is null and x.code is not null)) t));
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
  -- The counts a row leaves unnamed are the stored ones: the two together must still fit.
  update pg_temp.lianjian_import i set problem = 'members_transferred is more than members_elsewhere'
  from public.enterprises e
  where i.problem is null and e.id = i.existing
    and coalesce(case when i.r ? 'members_transferred' then (i.r ->> 'members_transferred')::integer else e.members_transferred end, 0)
      > coalesce(case when i.r ? 'members_elsewhere' then (i.r ->> 'members_elsewhere')::integer else e.members_elsewhere end, 2147483647);
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
      members_elsewhere = case when i.r ? 'members_elsewhere' then (i.r ->> 'members_elsewhere')::integer else e.members_elsewhere end,
      members_elsewhere_at = case when i.r ? 'members_elsewhere_at' then nullif(pg_catalog.btrim(i.r ->> 'members_elsewhere_at'), '') else e.members_elsewhere_at end,
      members_transferred = case when i.r ? 'members_transferred' then (i.r ->> 'members_transferred')::integer else e.members_transferred end,
      transfer_status = case
        when nullif(i.r ->> 'transfer_status', '') is not null then i.r ->> 'transfer_status'
        when i.r ? 'members_elsewhere' or i.r ? 'members_transferred' then private.derived_transfer_status(
          case when i.r ? 'members_elsewhere' then (i.r ->> 'members_elsewhere')::integer else e.members_elsewhere end,
          case when i.r ? 'members_transferred' then (i.r ->> 'members_transferred')::integer else e.members_transferred end)
        else e.transfer_status end,
      transfer_on = case when i.r ? 'transfer_on' then nullif(i.r ->> 'transfer_on', '')::date else e.transfer_on end,
      trade_union = case when i.r ? 'trade_union' then (i.r ->> 'trade_union')::boolean else e.trade_union end,
      youth_league = case when i.r ? 'youth_league' then (i.r ->> 'youth_league')::boolean else e.youth_league end,
      womens_federation = case when i.r ? 'womens_federation' then (i.r ->> 'womens_federation')::boolean else e.womens_federation end,
      key_category = case when i.r ? 'key_category' then nullif(pg_catalog.btrim(i.r ->> 'key_category'), '') else e.key_category end,
      liaison = case when i.r ? 'liaison' then nullif(pg_catalog.btrim(i.r ->> 'liaison'), '') else e.liaison end,
      registered_on = case when i.r ? 'registered_on' then nullif(i.r ->> 'registered_on', '')::date else e.registered_on end,
      version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
    from pg_temp.lianjian_import i
    where i.problem is null and i.existing = e.id;
    insert into public.enterprises (id, district_id, street_id, name, credit_code, address, geom, employees, party_members,
      probationary_members, registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, updated_by,
      members_elsewhere, members_elsewhere_at, members_transferred, transfer_status, transfer_on, trade_union, youth_league,
      womens_federation, key_category, liaison, registered_on)
    select i.key, i.district, i.street, coalesce(i.r ->> 'name', ''), i.code, coalesce(i.r ->> 'address', ''), i.point,
      (i.r ->> 'employees')::integer, (i.r ->> 'party_members')::integer, (i.r ->> 'probationary_members')::integer,
      (i.r ->> 'registered_capital')::numeric, coalesce(i.r ->> 'industry', ''), coalesce(i.r ->> 'status', ''),
      (i.r ->> 'owner_is_member')::boolean, nullif(i.r ->> 'org_id', ''), coalesce((i.r ->> 'work_covered')::boolean, false),
      coalesce(i.r -> 'extra', '{}'::jsonb), (select auth.uid()),
      (i.r ->> 'members_elsewhere')::integer, nullif(pg_catalog.btrim(i.r ->> 'members_elsewhere_at'), ''),
      (i.r ->> 'members_transferred')::integer,
      coalesce(nullif(i.r ->> 'transfer_status', ''),
               private.derived_transfer_status((i.r ->> 'members_elsewhere')::integer, (i.r ->> 'members_transferred')::integer)),
      nullif(i.r ->> 'transfer_on', '')::date, (i.r ->> 'trade_union')::boolean, (i.r ->> 'youth_league')::boolean,
      (i.r ->> 'womens_federation')::boolean, nullif(pg_catalog.btrim(i.r ->> 'key_category'), ''),
      nullif(pg_catalog.btrim(i.r ->> 'liaison'), ''), nullif(i.r ->> 'registered_on', '')::date
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

create or replace function public.load_enterprises(rows jsonb)
returns integer
language sql volatile set search_path = '' set jit = off as $$
  with input as (
    select r.*
    from pg_catalog.jsonb_to_recordset(rows) as r(
      id text, name text, credit_code text, district text, street text, address text, lon double precision, lat double precision,
      employees integer, party_members integer, probationary_members integer, registered_capital numeric, industry text,
      status text, owner_is_member boolean, org_id text, work_covered boolean, extra jsonb,
      members_elsewhere integer, members_elsewhere_at text, members_transferred integer, transfer_status text, transfer_on date,
      trade_union boolean, youth_league boolean, womens_federation boolean, key_category text, liaison text, registered_on date)
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
      probationary_members, registered_capital, industry, status, owner_is_member, org_id, work_covered, extra, updated_by,
      members_elsewhere, members_elsewhere_at, members_transferred, transfer_status, transfer_on, trade_union, youth_league,
      womens_federation, key_category, liaison, registered_on)
    select coalesce(nullif(p.id, ''), p.credit_code), p.district_id, p.street_id, coalesce(p.name, ''), nullif(p.credit_code, ''),
      coalesce(p.address, ''), p.point, p.employees, p.party_members, p.probationary_members, p.registered_capital,
      coalesce(p.industry, ''), coalesce(p.status, ''), p.owner_is_member, nullif(p.org_id, ''), coalesce(p.work_covered, false),
      coalesce(p.extra, '{}'::jsonb), (select auth.uid()),
      p.members_elsewhere, nullif(pg_catalog.btrim(p.members_elsewhere_at), ''), p.members_transferred,
      coalesce(nullif(p.transfer_status, ''), private.derived_transfer_status(p.members_elsewhere, p.members_transferred)),
      p.transfer_on, p.trade_union, p.youth_league, p.womens_federation, nullif(pg_catalog.btrim(p.key_category), ''),
      nullif(pg_catalog.btrim(p.liaison), ''), p.registered_on
    from placed p
    returning 1
  )
  select pg_catalog.count(*)::integer from inserted
$$;

-- ─── The per-area counts (the overview computes the same from the register; the bulletin joins this) ──
-- Operating enterprises only, under the caller's row-level security, one row per district and street the
-- caller sees (zeros where none):
--   members_elsewhere    members working there whose relationship was found elsewhere (incl. transferred);
--   members_transferred  of those, transferred here;
--   mass_org_no_party    enterprises with a 工会, 共青团 or 妇联 branch and no Party organization (已建群团未建党组织);
--   key_enterprises      enterprises with a key-enterprise category.
create function private.campaign_area_figures()
returns table (area_id text, members_elsewhere integer, members_transferred integer, mass_org_no_party integer, key_enterprises integer)
language sql stable security invoker set search_path = '' set jit = off as $$
  with scoped as (
    select e.district_id, e.street_id,
           coalesce(e.members_elsewhere, 0) as elsewhere,
           coalesce(e.members_transferred, 0) as transferred,
           ((e.trade_union or e.youth_league or e.womens_federation) is true and coalesce(e.org_id, '') = '') as mass_no_party,
           (coalesce(e.key_category, '') <> '') as is_key
    from public.enterprises e
    where private.is_operating(e.status)
  ), figures as (
    select 'district' as level, s.district_id as id, pg_catalog.sum(s.elsewhere) as elsewhere, pg_catalog.sum(s.transferred) as transferred,
           pg_catalog.count(*) filter (where s.mass_no_party) as mass_no_party, pg_catalog.count(*) filter (where s.is_key) as is_key
    from scoped s where s.district_id is not null group by s.district_id
    union all
    select 'street', s.street_id, pg_catalog.sum(s.elsewhere), pg_catalog.sum(s.transferred),
           pg_catalog.count(*) filter (where s.mass_no_party), pg_catalog.count(*) filter (where s.is_key)
    from scoped s where s.street_id is not null group by s.street_id
  )
  select a.id, coalesce(f.elsewhere, 0)::integer, coalesce(f.transferred, 0)::integer,
         coalesce(f.mass_no_party, 0)::integer, coalesce(f.is_key, 0)::integer
  from public.areas a
  left join figures f on f.level = a.level and f.id = a.id
  order by a.level, a.id
$$;
comment on function private.campaign_area_figures is
  'Per district and street (operating enterprises, caller''s RLS): members whose relationship is elsewhere, of them transferred, enterprises with a mass organization and no Party organization, key enterprises.';
revoke execute on function private.campaign_area_figures() from public, anon;
grant execute on function private.campaign_area_figures() to authenticated, service_role;
