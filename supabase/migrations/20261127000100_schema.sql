-- LianJian's tables. Every row that belongs to a district carries `district_id` (the district's
-- GB/T 2260 code): row-level security lets district staff read and write only their district's rows,
-- and city staff all rows. Geometry is WGS-84 (EPSG:4326) with GiST indexes; polygons must be valid.

create schema if not exists private;
comment on schema private is 'Helpers for row-level security; not exposed through the API.';

create table public.staff (
  user_id uuid primary key,
  name text not null default '',
  role text not null check (role in ('city', 'district')),
  district_id text,
  constraint staff_district_matches_role check ((role = 'district') = (district_id is not null))
);
comment on table public.staff is 'Who may use the data: city staff see every district, district staff their own.';

create table public.areas (
  id text primary key,
  name text not null,
  level text not null check (level in ('district', 'street')),
  parent_id text,
  district_id text not null,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  constraint areas_district_is_self_or_parent check ((level = 'district' and district_id = id) or (level = 'street' and district_id = parent_id))
);
comment on table public.areas is 'Administrative areas: districts and counties (区、县(市)) and their towns / streets (乡镇街道).';
create index areas_geom_idx on public.areas using gist (geom);
create index areas_district_idx on public.areas (district_id);

create table public.enterprises (
  id text primary key,
  district_id text,
  street_id text,
  name text not null default '',
  credit_code text,
  address text not null default '',
  geom extensions.geometry(Point, 4326),
  employees integer check (employees >= 0),
  party_members integer check (party_members >= 0),
  probationary_members integer check (probationary_members >= 0),
  registered_capital numeric check (registered_capital >= 0),
  industry text not null default '',
  status text not null default '',
  owner_is_member boolean,
  org_id text,
  work_covered boolean not null default false,
  extra jsonb not null default '{}'::jsonb,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.enterprises is 'The base register of non-public enterprises (the six clears), one row per enterprise.';
create unique index enterprises_credit_code_key on public.enterprises (credit_code) where credit_code is not null and credit_code <> '';
create index enterprises_geom_idx on public.enterprises using gist (geom);
create index enterprises_district_idx on public.enterprises (district_id);

create table public.buildings (
  id text primary key,
  district_id text,
  name text not null default '',
  floors integer,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom))
);
comment on table public.buildings is 'Office-building footprints (楼宇).';
create index buildings_geom_idx on public.buildings using gist (geom);
create index buildings_district_idx on public.buildings (district_id);

create table public.zones (
  id text primary key,
  district_id text,
  name text not null default '',
  kind text not null check (kind in ('business_district', 'park', 'market', 'village')),
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom))
);
comment on table public.zones is 'Business districts (商圈), parks (园区), markets and featured streets (市场), villages (村).';
create index zones_geom_idx on public.zones using gist (geom);
create index zones_district_idx on public.zones (district_id);

create table public.organizations (
  id text primary key,
  district_id text,
  name text not null default '',
  level text not null check (level in ('committee', 'general_branch', 'branch')),
  form text not null check (form in ('standalone', 'building', 'business_district', 'park', 'market', 'village', 'industry', 'area', 'association')),
  parent_id text,
  secretary text not null default '',
  instructor text not null default ''
);
comment on table public.organizations is 'Existing Party organizations (党组织).';
create index organizations_district_idx on public.organizations (district_id);

create table public.organization_enterprises (
  organization_id text not null references public.organizations (id) on delete cascade,
  enterprise_id text not null references public.enterprises (id) on delete cascade,
  district_id text,
  primary key (organization_id, enterprise_id)
);
comment on table public.organization_enterprises is 'Which enterprises each organization covers.';
create index organization_enterprises_enterprise_idx on public.organization_enterprises (enterprise_id);
create index organization_enterprises_district_idx on public.organization_enterprises (district_id);

create table public.plan_items (
  id uuid primary key default gen_random_uuid(),
  district_id text,
  title text not null default '',
  kind text not null check (kind in ('standalone', 'joint_branch', 'building_community', 'zone_org', 'association_branch', 'work_coverage', 'new_zone')),
  level text check (level in ('committee', 'general_branch', 'branch')),
  status text not null default 'proposed' check (status in ('proposed', 'forming', 'formed')),
  owner text not null default '',
  instructor text not null default '',
  due_date date,
  recommendation_id text,
  geom extensions.geometry(MultiPolygon, 4326) check (geom is null or extensions.st_isvalid(geom)),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.plan_items is 'Planned organizations (拟建党组织): 拟建 proposed → 组建中 forming → 已组建 formed.';
create index plan_items_geom_idx on public.plan_items using gist (geom);
create index plan_items_district_idx on public.plan_items (district_id);

create table public.plan_item_enterprises (
  plan_item_id uuid not null references public.plan_items (id) on delete cascade,
  enterprise_id text not null references public.enterprises (id) on delete cascade,
  district_id text,
  primary key (plan_item_id, enterprise_id)
);
comment on table public.plan_item_enterprises is 'The enterprises a plan item would cover.';
create index plan_item_enterprises_enterprise_idx on public.plan_item_enterprises (enterprise_id);
create index plan_item_enterprises_district_idx on public.plan_item_enterprises (district_id);

create table public.bulletin_snapshots (
  id bigint generated always as identity primary key,
  taken_on date not null,
  area_id text not null,
  district_id text,
  enterprises integer not null check (enterprises >= 0),
  covered integer not null check (covered >= 0),
  own_org integer not null check (own_org >= 0),
  work_covered integer not null check (work_covered >= 0),
  must_cover integer not null check (must_cover >= 0),
  must_cover_covered integer not null check (must_cover_covered >= 0),
  six_clears_complete integer not null check (six_clears_complete >= 0),
  unique (taken_on, area_id)
);
comment on table public.bulletin_snapshots is 'Dated coverage figures per area for the half-monthly bulletin (半月通报).';
create index bulletin_snapshots_district_idx on public.bulletin_snapshots (district_id);

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id uuid,
  table_name text not null,
  row_id text not null,
  district_id text,
  action text not null check (action in ('insert', 'update', 'delete')),
  old_row jsonb,
  new_row jsonb
);
comment on table public.audit_log is 'Append-only history of edits, written by triggers only.';
create index audit_log_row_idx on public.audit_log (table_name, row_id);
create index audit_log_district_idx on public.audit_log (district_id);

-- Row-level security helpers: definer functions reading the caller's staff row.
create function private.is_city() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.staff s where s.user_id = (select auth.uid()) and s.role = 'city')
$$;

create function private.staff_district() returns text
language sql stable security definer set search_path = '' as $$
  select s.district_id from public.staff s where s.user_id = (select auth.uid()) and s.role = 'district'
$$;

grant usage on schema private to authenticated, service_role;
grant execute on function private.is_city(), private.staff_district() to authenticated, service_role;
revoke execute on function private.is_city(), private.staff_district() from public, anon;

-- Every district-owned table: read and write within one's district; city staff everywhere.
do $$
declare
  t text;
begin
  foreach t in array array['areas', 'enterprises', 'buildings', 'zones', 'organizations', 'organization_enterprises',
                           'plan_items', 'plan_item_enterprises', 'bulletin_snapshots']
  loop
    execute format('alter table public.%I enable row level security', t);
    execute format('create policy %I on public.%I for select to authenticated using ((select private.is_city()) or district_id = (select private.staff_district()))', t || '_select', t);
    execute format('create policy %I on public.%I for insert to authenticated with check ((select private.is_city()) or district_id = (select private.staff_district()))', t || '_insert', t);
    execute format('create policy %I on public.%I for update to authenticated using ((select private.is_city()) or district_id = (select private.staff_district())) with check ((select private.is_city()) or district_id = (select private.staff_district()))', t || '_update', t);
    execute format('create policy %I on public.%I for delete to authenticated using ((select private.is_city()) or district_id = (select private.staff_district()))', t || '_delete', t);
    execute format('grant select, insert, update, delete on public.%I to authenticated', t);
    execute format('grant all on public.%I to service_role', t);
    execute format('revoke all on public.%I from anon', t);
  end loop;
end
$$;

alter table public.staff enable row level security;
create policy staff_select on public.staff for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_city()));
grant select on public.staff to authenticated;
grant all on public.staff to service_role;
revoke all on public.staff from anon;

alter table public.audit_log enable row level security;
create policy audit_log_select on public.audit_log for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
grant select on public.audit_log to authenticated;
grant select, insert on public.audit_log to service_role;
revoke all on public.audit_log from anon;

-- Audit trail: every change to the edited tables, written with the definer's rights, one statement
-- per statement (transition tables) so that a 200k-row import is not 200k trigger calls.
create function private.audit_inserted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  select (select auth.uid()), tg_table_name, n.id::text, n.district_id, 'insert', null, pg_catalog.to_jsonb(n) from new_rows n;
  return null;
end
$$;

create function private.audit_updated() returns trigger
-- Transition tables carry no statistics: without this the planner pairs old and new rows in a nested loop.
language plpgsql security definer set search_path = '' set enable_nestloop = off as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  select (select auth.uid()), tg_table_name, n.id::text, n.district_id, 'update', pg_catalog.to_jsonb(o), pg_catalog.to_jsonb(n)
  from new_rows n join old_rows o on o.id = n.id;
  return null;
end
$$;

create function private.audit_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  select (select auth.uid()), tg_table_name, o.id::text, o.district_id, 'delete', pg_catalog.to_jsonb(o), null from old_rows o;
  return null;
end
$$;
revoke execute on function private.audit_inserted(), private.audit_updated(), private.audit_deleted() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['enterprises', 'plan_items', 'organizations'] loop
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows for each statement execute function private.audit_inserted()', t || '_audit_insert', t);
    execute format('create trigger %I after update on public.%I referencing old table as old_rows new table as new_rows for each statement execute function private.audit_updated()', t || '_audit_update', t);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows for each statement execute function private.audit_deleted()', t || '_audit_delete', t);
  end loop;
end
$$;

-- Hosted Supabase grants new tables to the API roles by default: the audit log and the staff list
-- are written by triggers and administrators only.
revoke insert, update, delete, truncate on public.audit_log, public.staff from authenticated;
