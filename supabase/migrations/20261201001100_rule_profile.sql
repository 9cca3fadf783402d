-- One rule profile, stored (issue 14, item 2). The whole store is one city, so the profile is one row:
-- the overrides of the planning core's defaults (`DEFAULT_RULES` in src/core/model/types.ts), keyed by
-- the core's own names (`{"jointMaxUnits": 8}`); a key that is absent means the default. Every staff
-- member reads it, city staff edit it (through `save_rule_profile`, at its version), anon sees nothing.
-- The SQL figures read it too (`coverage_by_area` takes must-cover from it), and it feeds the change
-- feed as kind 'rule_profile', so a change reaches every client and replans there.

create table public.rule_profiles (
  id text primary key default 'city' check (id = 'city'),
  rules jsonb not null default '{}'::jsonb,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  -- The row belongs to no district; the feed's triggers read this column (always null).
  district_id text generated always as (null::text) stored
);
comment on table public.rule_profiles is 'The city''s rule profile: overrides of the planning core''s defaults (absent key = default); one row.';

-- Which keys a profile may hold and of what type: the RuleProfile of the planning core.
create function private.rule_profile_problem(rules jsonb) returns text
language sql immutable set search_path = '' as $$
  select case
    when pg_catalog.jsonb_typeof(rules) is distinct from 'object' then 'the rule profile must be a JSON object'
    else (
      select pg_catalog.string_agg(p.problem, '; ' order by p.key)
      from (
        select r.key, case
          when k.name is null then pg_catalog.format('%s is not a rule setting', r.key)
          when k.kind = 'boolean' and pg_catalog.jsonb_typeof(r.value) <> 'boolean' then pg_catalog.format('%s must be true or false', r.key)
          when k.kind <> 'boolean' and pg_catalog.jsonb_typeof(r.value) <> 'number' then pg_catalog.format('%s must be a number', r.key)
          when k.kind = 'integer' and (r.value #>> '{}')::numeric <> pg_catalog.trunc((r.value #>> '{}')::numeric) then pg_catalog.format('%s must be a whole number', r.key)
          when k.kind <> 'boolean' and (r.value #>> '{}')::numeric < k.least_value then pg_catalog.format('%s must be at least %s', r.key, k.least_value)
        end as problem
        from pg_catalog.jsonb_each(rules) r
        left join (values
          ('standaloneMinFormal', 'integer', 1), ('generalBranchMinMembers', 'integer', 1), ('committeeMinMembers', 'integer', 1),
          ('jointMinFormal', 'integer', 1), ('jointMaxMembers', 'integer', 1), ('jointMaxUnits', 'integer', 0),
          ('jointMaxSpanM', 'number', 0), ('mustCoverMinEmployees', 'integer', 0), ('mustCoverAnyMember', 'boolean', 0),
          ('microCapitalBelow', 'number', 0), ('buildingClusterGapM', 'number', 0), ('clusterRadiusM', 'number', 0),
          ('clusterMinPoints', 'integer', 1), ('branchCommitteeMinFormal', 'integer', 1)
        ) as k(name, kind, least_value) on k.name = r.key
      ) p
      where p.problem is not null
    )
  end
$$;
comment on function private.rule_profile_problem is 'What is wrong with a rule profile (unknown key, wrong type, below its least value), null when nothing.';
revoke execute on function private.rule_profile_problem(jsonb) from public, anon;
grant execute on function private.rule_profile_problem(jsonb) to authenticated, service_role;

alter table public.rule_profiles add constraint rule_profiles_valid check (private.rule_profile_problem(rules) is null);

alter table public.rule_profiles enable row level security;
-- Every staff member reads (the helpers refuse a user without a staff row); city staff write.
create policy rule_profiles_select on public.rule_profiles for select to authenticated
  using ((select private.is_city()) or (select private.staff_district()) is not null);
create policy rule_profiles_update on public.rule_profiles for update to authenticated
  using ((select private.is_city())) with check ((select private.is_city()));
revoke all on public.rule_profiles from anon, authenticated;
grant select, update on public.rule_profiles to authenticated;
grant all on public.rule_profiles to service_role;

create trigger rule_profiles_updated_by before insert or update on public.rule_profiles for each row
  when (new.updated_by::text is distinct from coalesce(nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
        nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))
  execute function private.set_updated_by();

insert into public.rule_profiles (id) values ('city');

create function public.read_rule_profile()
returns setof public.rule_profiles
language sql stable set search_path = '' as $$
  select * from public.rule_profiles p
$$;
comment on function public.read_rule_profile is 'The city''s rule profile (no row for a caller who may not read it).';

-- Replaces the overrides as a whole (an absent key goes back to its default). With expected_version,
-- a profile changed since it was read is refused (PT409); without it (seeding a new store) it is not.
create function public.save_rule_profile(rules jsonb, expected_version integer default null)
returns public.rule_profiles
language plpgsql volatile set search_path = '' as $$
declare
  problem text := private.rule_profile_problem(rules);
  result public.rule_profiles;
begin
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  if (select auth.uid()) is not null and not (select private.is_city()) then
    raise exception 'only city staff edit the rule profile' using errcode = '42501';
  end if;
  update public.rule_profiles p set rules = save_rule_profile.rules, version = p.version + 1, updated_at = pg_catalog.now()
  where p.id = 'city' and (expected_version is null or p.version = expected_version)
  returning * into result;
  if not found then
    raise exception 'PT409: the rule profile was changed by someone else' using errcode = 'PT409';
  end if;
  return result;
end
$$;
comment on function public.save_rule_profile is 'City staff: replaces the rule profile''s overrides, at its version (PT409 when stale, 22023 when invalid).';

revoke execute on function public.read_rule_profile(), public.save_rule_profile(jsonb, integer) from public, anon;
grant execute on function public.read_rule_profile(), public.save_rule_profile(jsonb, integer) to authenticated, service_role;

-- ─── The change feed: kind 'rule_profile' ─────────────────────────────────────────────────────────
alter table public.feed drop constraint feed_kind_check;
alter table public.feed add constraint feed_kind_check
  check (kind in ('enterprise', 'area', 'building', 'zone', 'organization', 'plan_item', 'bulletin_snapshot', 'slide', 'rule_profile'));

-- The profile belongs to no district and every staff member reads it, so its feed row is everyone's.
alter policy feed_select on public.feed
  using ((select private.is_city()) or district_id = (select private.staff_district())
         or (kind = 'rule_profile' and (select private.staff_district()) is not null));

create trigger rule_profiles_feed_insert after insert on public.rule_profiles referencing new table as new_rows
  for each statement execute function private.feed_changed('rule_profile', 'id');
create trigger rule_profiles_feed_update after update on public.rule_profiles referencing old table as old_rows new table as new_rows
  for each statement execute function private.feed_changed('rule_profile', 'id');
create trigger rule_profiles_feed_delete after delete on public.rule_profiles referencing old table as old_rows
  for each statement execute function private.feed_changed('rule_profile', 'id');

-- The row inserted above was made before its triggers: it joins the feed here.
insert into public.feed (kind, row_id, district_id, seq)
select 'rule_profile', p.id, '', pg_catalog.nextval('private.feed_seq') from public.rule_profiles p
on conflict do nothing;

create or replace function private.feed_row(kind text, row_id text) returns jsonb
language sql stable set search_path = '' as $$
  select case kind
    when 'enterprise' then (select pg_catalog.to_jsonb(r) from public.enterprise_rows r where r.id = row_id)
    when 'area' then (select pg_catalog.jsonb_build_object('id', a.id, 'name', a.name, 'level', a.level, 'parent_id', a.parent_id,
                        'district_id', a.district_id, 'geometry', extensions.st_asgeojson(a.geom, 7)::jsonb) from public.areas a where a.id = row_id)
    when 'building' then (select pg_catalog.jsonb_build_object('id', b.id, 'name', b.name, 'floors', b.floors, 'district_id', b.district_id,
                        'geometry', extensions.st_asgeojson(b.geom, 7)::jsonb) from public.buildings b where b.id = row_id)
    when 'zone' then (select pg_catalog.jsonb_build_object('id', z.id, 'name', z.name, 'kind', z.kind, 'district_id', z.district_id,
                        'geometry', extensions.st_asgeojson(z.geom, 7)::jsonb) from public.zones z where z.id = row_id)
    when 'organization' then (select pg_catalog.to_jsonb(o) from public.organizations o where o.id = row_id)
    when 'plan_item' then (select pg_catalog.to_jsonb(p) from public.plan_item_rows p where p.id = row_id)
    when 'bulletin_snapshot' then (select pg_catalog.to_jsonb(s) from public.bulletin_snapshots s where s.id::text = row_id)
    when 'slide' then (select pg_catalog.to_jsonb(s) from public.slides s where s.id::text = row_id)
    when 'rule_profile' then (select pg_catalog.to_jsonb(p) from public.rule_profiles p where p.id = row_id)
  end
$$;

-- ─── The SQL figures read the stored profile ──────────────────────────────────────────────────────
-- Must-cover as the planning core's isMustCover: employees ≥ mustCoverMinEmployees, or (when
-- mustCoverAnyMember) any formal or probationary member. The defaults below are DEFAULT_RULES'
-- (30, true), for a key the profile does not set; `min_employees` still overrides the stored value.
create or replace function public.coverage_by_area(min_employees integer default null)
returns table (
  area_id text, name text, level text, enterprises bigint, covered bigint, coverage_rate double precision,
  own_org bigint, work_covered bigint, must_cover bigint, must_cover_covered bigint, six_clears_complete bigint
)
language sql stable set search_path = '' set jit = off as $$
  with profile as (
    select coalesce(min_employees, (p.rules ->> 'mustCoverMinEmployees')::integer, 30) as min_employees,
           coalesce((p.rules ->> 'mustCoverAnyMember')::boolean, true) as any_member
    from (select 1) one left join public.rule_profiles p on true
  ), scoped as (
    select e.district_id, e.street_id, e.work_covered,
           (coalesce(e.org_id, '') <> '') as is_covered,
           (coalesce(e.employees, 0) >= r.min_employees
            or (r.any_member and coalesce(e.party_members, 0) + coalesce(e.probationary_members, 0) > 0)) as is_must,
           (o.form is not distinct from 'standalone') as is_own,
           (e.registered_capital is not null and e.status <> '' and e.owner_is_member is not null
            and e.employees is not null and e.party_members is not null) as is_six_clear
    from public.enterprises e
    cross join profile r
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
