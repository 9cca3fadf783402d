-- Staff, roles and approval (issue 13, part 1). Three roles, all checked in the database:
--   city      sees and writes every district; a city admin (is_admin) also approves, changes and revokes
--             any staff member, with any role and area;
--   district  (区县组织部) reads and writes its district; a district admin (is_admin) approves, changes and
--             revokes the street staff of its own district, and nobody else;
--   street    (乡镇街道 党建办) reads everything of its district that district staff read, and writes only
--             what belongs to its street (the street's rows, defined under "Street staff write" below).
-- A signed-in user without a staff row reaches nothing (the helpers raise 42501) except their own sign-up
-- request: they may file exactly one, for themselves, and read only it (and `whoami()`).
-- Every change to staff and to requests is audited in public.audit_log (user_id = who did it, row_id = whom,
-- at = when, old and new row). Realtime: only a district's staff and the city may join `district:<code>`,
-- only the city `city`; the feed broadcasts a wake-up to both where Supabase's realtime.send() exists.

-- ─── Staff rows ──────────────────────────────────────────────────────────────────────────────────
alter table public.staff drop constraint staff_district_matches_role;
alter table public.staff drop constraint staff_role_check;
alter table public.staff
  add column street_id text,
  add column is_admin boolean not null default false,
  add column approved_by uuid,
  add column approved_at timestamptz,
  add constraint staff_role_check check (role in ('city', 'district', 'street')),
  add constraint staff_area_matches_role check (
    case role
      when 'city' then district_id is null and street_id is null
      when 'district' then district_id is not null and street_id is null
      else district_id is not null and street_id is not null
    end),
  add constraint staff_admin_roles check (not is_admin or role in ('city', 'district'));
comment on table public.staff is
  'Who may use the data: city staff every district; district staff their district; street staff read their district and write their street. '
  'is_admin: a city admin approves anyone, a district admin its district''s street staff. Written only through set_staff / revoke_staff.';
comment on column public.staff.is_admin is 'City admin (role city) or district admin (role district); street staff are never admins.';
create index staff_district_idx on public.staff (district_id) where district_id is not null;

-- ─── Who is calling ──────────────────────────────────────────────────────────────────────────────
-- The caller's staff row; null without a JWT (service role, migrations, the embedded store's own session).
-- Raises 42501 for a signed-in user without a staff row, like every helper of 20261201000900.
create function private.caller_staff() returns public.staff
language plpgsql stable security definer set search_path = '' as $$
declare
  uid uuid := (select auth.uid());
  me public.staff;
begin
  if uid is null then
    return null;
  end if;
  select * into me from public.staff s where s.user_id = uid;
  if not found then
    raise exception 'user % has no staff row: access is refused until an administrator adds one', uid using errcode = '42501';
  end if;
  return me;
end
$$;

create or replace function private.is_city() returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
begin
  return coalesce(me.role = 'city', false);
end
$$;

-- The district whose rows the caller reads (district and street staff); null for the city and without a JWT.
create or replace function private.staff_district() returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
begin
  return case when me.role in ('district', 'street') then me.district_id end;
end
$$;

-- The street a street staff member writes; null for everyone else (who are not limited to a street).
create function private.staff_street() returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
begin
  return case when me.role = 'street' then me.street_id end;
end
$$;

-- Never raise: used where a user without a staff row must get an answer (their request, channels).
create function private.staff_or_null() returns public.staff
language sql stable security definer set search_path = '' as $$
  select s from public.staff s where s.user_id = (select auth.uid())
$$;

create function private.is_city_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select s.role = 'city' and s.is_admin from public.staff s where s.user_id = (select auth.uid())), false)
$$;

-- May the caller review requests (and manage staff) in this district? City admins anywhere; district
-- admins in their own district.
create function private.may_review(district text) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((
    select s.is_admin and (s.role = 'city' or (s.role = 'district' and s.district_id = district))
    from public.staff s where s.user_id = (select auth.uid())), false)
$$;

-- ─── Street staff write ──────────────────────────────────────────────────────────────────────────
-- The rows of street T (street staff of T may insert, update and delete them; the old row and the new
-- row must both be T's, so nothing is moved into or out of the street):
--   enterprises              street_id = T;
--   plan_items               every member (plan_item_enterprises → enterprises) has street_id = T; a plan
--                            item without members yet (as create_plan_item makes it) counts as T's;
--   plan_item_enterprises    the enterprise is T's and the plan item is T's (all its members are);
--   organizations            every enterprise it covers (organization_enterprises, enterprises.org_id) is
--                            T's; one that covers none yet (as 已组建 creates it) counts as T's;
--   organization_enterprises the enterprise is T's and the organization is T's;
--   bulletin_snapshots       area_id = T (the street's own figures);
--   buildings, zones, slides none (district data: read only);
--   areas, staff, audit_log  none (as for district staff).
-- These are restrictive policies: they narrow the permissive district policies, which already keep every
-- row in the caller's district. For city and district staff `staff_street()` is null and they pass.
create function private.enterprise_in_street(enterprise text, street text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.enterprises e where e.id = enterprise and e.street_id = street)
$$;

create function private.plan_item_in_street(item uuid, street text) returns boolean
language sql stable security definer set search_path = '' as $$
  select not exists (
    select 1 from public.plan_item_enterprises m join public.enterprises e on e.id = m.enterprise_id
    where m.plan_item_id = item and e.street_id is distinct from street)
$$;

create function private.organization_in_street(org text, street text) returns boolean
language sql stable security definer set search_path = '' as $$
  select not exists (
      select 1 from public.organization_enterprises m join public.enterprises e on e.id = m.enterprise_id
      where m.organization_id = org and e.street_id is distinct from street)
    and not exists (select 1 from public.enterprises e where e.org_id = org and e.street_id is distinct from street)
$$;

do $$
declare
  t record;
begin
  for t in select * from (values
      ('enterprises', $c$street_id = s.street$c$),
      ('plan_items', $c$(select private.plan_item_in_street(id, s.street))$c$),
      ('plan_item_enterprises', $c$(select private.enterprise_in_street(enterprise_id, s.street) and private.plan_item_in_street(plan_item_id, s.street))$c$),
      ('organizations', $c$(select private.organization_in_street(id, s.street))$c$),
      ('organization_enterprises', $c$(select private.enterprise_in_street(enterprise_id, s.street) and private.organization_in_street(organization_id, s.street))$c$),
      ('bulletin_snapshots', $c$area_id = s.street$c$),
      ('buildings', $c$false$c$),
      ('zones', $c$false$c$),
      ('slides', $c$false$c$)) as x(tbl, cond)
  loop
    -- `s.street` reads the caller's street once per statement (an init plan); null passes at once.
    execute pg_catalog.format($p$create policy %I on public.%I as restrictive for insert to authenticated
      with check ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$,
      t.tbl || '_street_insert', t.tbl, t.cond);
    execute pg_catalog.format($p$create policy %I on public.%I as restrictive for update to authenticated
      using ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))
      with check ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$,
      t.tbl || '_street_update', t.tbl, t.cond, t.cond);
    execute pg_catalog.format($p$create policy %I on public.%I as restrictive for delete to authenticated
      using ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$,
      t.tbl || '_street_delete', t.tbl, t.cond);
  end loop;
end
$$;
-- A plan item is created empty and then given its members: the insert itself is always T's.
drop policy plan_items_street_insert on public.plan_items;
create policy plan_items_street_insert on public.plan_items as restrictive for insert to authenticated with check (true);

-- Staff rows: one's own; the city all; a district admin those of their district.
drop policy staff_select on public.staff;
create policy staff_select on public.staff for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_city()) or (select private.may_review(district_id)));

-- ─── Sign-up requests ────────────────────────────────────────────────────────────────────────────
create table public.staff_requests (
  user_id uuid primary key default auth.uid(),
  name text not null default '' check (pg_catalog.length(name) <= 200),
  email text not null default '' check (pg_catalog.length(email) <= 320),
  district_id text check (pg_catalog.length(district_id) <= 32),
  street_id text check (pg_catalog.length(street_id) <= 32),
  note text not null default '' check (pg_catalog.length(note) <= 2000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  created_at timestamptz not null default now(),
  reviewed_by uuid,
  reviewed_at timestamptz
);
comment on table public.staff_requests is
  'Sign-ups awaiting approval: a signed-in user without a staff row files one request for themselves (district / street it asks for) '
  'and reads only it; city admins see all, district admins those naming their district; decided through set_staff / reject_staff_request.';

alter table public.staff_requests enable row level security;
-- Neither policy calls a raising helper: the caller has no staff row by definition.
create policy staff_requests_select on public.staff_requests for select to authenticated
  using (user_id = (select auth.uid()) or (select private.may_review(district_id)) or (select private.is_city_admin()));
create policy staff_requests_insert on public.staff_requests for insert to authenticated
  with check (user_id = (select auth.uid()) and status = 'pending' and reviewed_by is null and reviewed_at is null
              and (select private.staff_or_null()) is null);
revoke all on public.staff_requests from anon, authenticated;
grant select on public.staff_requests to authenticated;
grant insert (name, email, district_id, street_id, note) on public.staff_requests to authenticated;
grant all on public.staff_requests to service_role;

-- ─── Audit of staff and requests ─────────────────────────────────────────────────────────────────
create function private.audit_staff() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  values ((select auth.uid()), tg_table_name, coalesce(new.user_id, old.user_id)::text, coalesce(new.district_id, old.district_id),
          pg_catalog.lower(tg_op), case when tg_op <> 'INSERT' then pg_catalog.to_jsonb(old) end,
          case when tg_op <> 'DELETE' then pg_catalog.to_jsonb(new) end);
  return null;
end
$$;
create trigger staff_audit after insert or update or delete on public.staff for each row execute function private.audit_staff();
create trigger staff_requests_audit after insert or update or delete on public.staff_requests for each row execute function private.audit_staff();

-- ─── Approval RPCs ───────────────────────────────────────────────────────────────────────────────
-- May the caller give `target` this role and area (and may they touch the target's current row)?
create function private.check_staff_change(target uuid, new_role text, district text, admin boolean) returns void
language plpgsql stable security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
  current_row public.staff;
begin
  if (select auth.uid()) is null then
    return;  -- no JWT: the service role or a migration
  end if;
  select * into current_row from public.staff s where s.user_id = target;
  if me.role = 'city' and me.is_admin then
    null;
  elsif me.role = 'district' and me.is_admin then
    if new_role is not null and (new_role <> 'street' or district is distinct from me.district_id or admin) then
      raise exception 'a district admin appoints only street staff of district %', me.district_id using errcode = '42501';
    end if;
    if current_row.user_id is not null and (current_row.role <> 'street' or current_row.district_id <> me.district_id) then
      raise exception 'a district admin changes only the street staff of district %', me.district_id using errcode = '42501';
    end if;
  else
    raise exception 'only a city admin or a district admin manages staff' using errcode = '42501';
  end if;
  if target = (select auth.uid()) then
    raise exception 'nobody changes their own staff row' using errcode = '42501';
  end if;
end
$$;

create function public.set_staff(target uuid, new_role text, district text default null, street text default null,
  admin boolean default false, staff_name text default null)
returns public.staff
language plpgsql volatile security definer set search_path = '' as $$
declare
  request public.staff_requests;
  result public.staff;
begin
  if new_role is null or new_role not in ('city', 'district', 'street') then
    raise exception 'role must be city, district or street' using errcode = '22023';
  end if;
  perform private.check_staff_change(target, new_role, district, coalesce(admin, false));
  if new_role = 'city' and (district is not null or street is not null) then
    raise exception 'city staff have no district or street' using errcode = '22023';
  end if;
  if new_role in ('district', 'street')
     and not exists (select 1 from public.areas a where a.id = district and a.level = 'district') then
    raise exception 'district % does not exist', district using errcode = '22023';
  end if;
  if new_role = 'district' and street is not null then
    raise exception 'district staff have no street' using errcode = '22023';
  end if;
  if new_role = 'street'
     and not exists (select 1 from public.areas a where a.id = street and a.level = 'street' and a.parent_id = district) then
    raise exception 'street % is not a street of district %', street, district using errcode = '22023';
  end if;
  if coalesce(admin, false) and new_role = 'street' then
    raise exception 'street staff are never admins' using errcode = '22023';
  end if;
  select * into request from public.staff_requests r where r.user_id = target;
  insert into public.staff as s (user_id, name, role, district_id, street_id, is_admin, approved_by, approved_at)
  values (target, coalesce(staff_name, request.name, ''), new_role, district, street, coalesce(admin, false), (select auth.uid()), now())
  on conflict (user_id) do update set
    name = coalesce(staff_name, s.name), role = excluded.role, district_id = excluded.district_id, street_id = excluded.street_id,
    is_admin = excluded.is_admin, approved_by = excluded.approved_by, approved_at = excluded.approved_at
  returning * into result;
  update public.staff_requests r set status = 'approved', reviewed_by = (select auth.uid()), reviewed_at = now()
  where r.user_id = target and r.status <> 'approved';
  perform private.keep_a_city_admin();
  return result;
end
$$;
comment on function public.set_staff is
  'Approve a sign-up or change a staff member: role, area and admin flag. City admins: anyone, any role. District admins: street staff of their own district only. Audited.';

create function public.revoke_staff(target uuid)
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.check_staff_change(target, null, null, false);
  delete from public.staff s where s.user_id = target;
  if not found then
    raise exception 'PT404: % has no staff row', target using errcode = 'PT404';
  end if;
  -- A revoked user may ask again.
  delete from public.staff_requests r where r.user_id = target;
  perform private.keep_a_city_admin();
end
$$;
comment on function public.revoke_staff is 'Remove a staff member (same rights as set_staff); they are back to no access. Audited.';

create function public.reject_staff_request(target uuid)
returns public.staff_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  result public.staff_requests;
begin
  select * into result from public.staff_requests r where r.user_id = target;
  if not found then
    raise exception 'PT404: no request from %', target using errcode = 'PT404';
  end if;
  if (select auth.uid()) is not null and not (select private.may_review(result.district_id)) then
    raise exception 'only a city admin, or the admin of the district it names, decides a request' using errcode = '42501';
  end if;
  update public.staff_requests r set status = 'rejected', reviewed_by = (select auth.uid()), reviewed_at = now()
  where r.user_id = target returning * into result;
  return result;
end
$$;
comment on function public.reject_staff_request is 'Turn a sign-up down (city admins; district admins for requests naming their district). Audited.';

-- The city always keeps an admin (nobody locks everyone out); checked after the change.
create function private.keep_a_city_admin() returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if (select auth.uid()) is not null and not exists (select 1 from public.staff s where s.role = 'city' and s.is_admin) then
    raise exception 'the last city admin cannot be removed' using errcode = '42501';
  end if;
end
$$;

-- File one's sign-up request (RLS applies: only for oneself, only without a staff row, only once).
create function public.request_staff_access(staff_name text, email text default '', district text default null,
  street text default null, note text default '')
returns public.staff_requests
language sql volatile set search_path = '' as $$
  insert into public.staff_requests (name, email, district_id, street_id, note)
  values (coalesce(staff_name, ''), coalesce(email, ''), district, street, coalesce(note, ''))
  returning *
$$;

-- Who am I: my staff row or my request (never raises: the awaiting-approval screen reads it).
create function public.whoami()
returns jsonb
language sql stable security definer set search_path = '' as $$
  select pg_catalog.jsonb_build_object(
    'user_id', (select auth.uid()),
    'staff', (select pg_catalog.to_jsonb(s) from public.staff s where s.user_id = (select auth.uid())),
    'request', (select pg_catalog.to_jsonb(r) from public.staff_requests r where r.user_id = (select auth.uid())))
$$;
comment on function public.whoami is 'The caller''s staff row and sign-up request (either may be null); answers a user without a staff row too.';

-- Staff and requests a reviewer may manage (city admins all, district admins their district).
create function public.list_staff()
returns table (user_id uuid, name text, role text, district_id text, street_id text, is_admin boolean,
  approved_by uuid, approved_at timestamptz, request_status text, requested_district text, requested_street text, email text, note text,
  requested_at timestamptz)
language sql stable set search_path = '' as $$
  select coalesce(s.user_id, r.user_id), coalesce(s.name, r.name), s.role, s.district_id, s.street_id, s.is_admin,
         s.approved_by, s.approved_at, r.status, r.district_id, r.street_id, r.email, r.note, r.created_at
  from public.staff s full join public.staff_requests r on r.user_id = s.user_id
  order by s.role nulls first, coalesce(s.district_id, r.district_id), coalesce(s.name, r.name)
$$;
comment on function public.list_staff is 'Staff and sign-ups the caller may see (row-level security of both tables).';

revoke execute on function private.caller_staff(), private.staff_street(), private.staff_or_null(), private.is_city_admin(),
  private.may_review(text), private.enterprise_in_street(text, text), private.plan_item_in_street(uuid, text),
  private.organization_in_street(text, text), private.check_staff_change(uuid, text, text, boolean),
  private.keep_a_city_admin(), private.audit_staff() from public, anon;
grant execute on function private.caller_staff(), private.staff_street(), private.staff_or_null(), private.is_city_admin(),
  private.may_review(text), private.enterprise_in_street(text, text), private.plan_item_in_street(uuid, text),
  private.organization_in_street(text, text) to authenticated, service_role;
revoke execute on function private.audit_staff(), private.check_staff_change(uuid, text, text, boolean), private.keep_a_city_admin()
  from authenticated;
revoke execute on function public.set_staff(uuid, text, text, text, boolean, text), public.revoke_staff(uuid),
  public.reject_staff_request(uuid), public.request_staff_access(text, text, text, text, text), public.whoami(), public.list_staff()
  from public, anon;
grant execute on function public.set_staff(uuid, text, text, text, boolean, text), public.revoke_staff(uuid),
  public.reject_staff_request(uuid), public.request_staff_access(text, text, text, text, text), public.whoami(), public.list_staff()
  to authenticated, service_role;
alter function public.set_staff(uuid, text, text, text, boolean, text) set jit = off;
alter function public.revoke_staff(uuid) set jit = off;
alter function public.reject_staff_request(uuid) set jit = off;
alter function public.request_staff_access(text, text, text, text, text) set jit = off;
alter function public.whoami() set jit = off;
alter function public.list_staff() set jit = off;

-- ─── Realtime: who may receive a district's wake-ups ─────────────────────────────────────────────
-- Hosted Supabase has the realtime schema; Debian PostgreSQL and PGlite get a minimal stand-in of the two
-- objects the policies need (realtime.messages as Supabase has it, realtime.topic()), never realtime.send.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'realtime') then
    create schema realtime;
    grant usage on schema realtime to anon, authenticated, service_role;
  end if;
  if pg_catalog.to_regclass('realtime.messages') is null then
    create table realtime.messages (
      topic text not null,
      extension text not null,
      payload jsonb,
      event text,
      private boolean default false,
      updated_at timestamp without time zone not null default now(),
      inserted_at timestamp without time zone not null default now(),
      id uuid not null default gen_random_uuid(),
      primary key (id, inserted_at)
    );
    alter table realtime.messages enable row level security;
    grant select, insert, update on realtime.messages to authenticated;
    grant all on realtime.messages to service_role;
  end if;
  if pg_catalog.to_regprocedure('realtime.topic()') is null then
    create function realtime.topic() returns text language sql stable set search_path = '' as $f$
      select nullif(pg_catalog.current_setting('realtime.topic', true), '')::text
    $f$;
    grant execute on function realtime.topic() to anon, authenticated, service_role;
  end if;
end
$$;

-- `district:<code>`: that district's staff (district and street) and the city; `city`: the city only.
-- Never raises (Realtime asks for a user without a staff row too; the answer is no).
create function private.may_join_topic(topic text) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((
    select s.role = 'city' or (topic like 'district:%' and s.district_id = pg_catalog.substr(topic, 10))
    from public.staff s where s.user_id = (select auth.uid())), false)
    and (topic = 'city' or topic like 'district:%')
$$;
revoke execute on function private.may_join_topic(text) from public, anon;
grant execute on function private.may_join_topic(text) to authenticated, service_role;

-- Receiving broadcasts and presence, and tracking presence, on the channels one may join.
create policy lianjian_receive on realtime.messages for select to authenticated
  using (realtime.messages.extension in ('broadcast', 'presence') and (select private.may_join_topic((select realtime.topic()))));
create policy lianjian_presence on realtime.messages for insert to authenticated
  with check (realtime.messages.extension = 'presence' and (select private.may_join_topic((select realtime.topic()))));

-- The feed wakes its district's channel and the city's (payload: the newest sequence number; clients pull
-- changes_since). Only where Supabase's realtime.send(payload, event, topic, private) exists.
create function private.feed_broadcast() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
declare
  d record;
begin
  if pg_catalog.to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null then
    return null;
  end if;
  for d in
    select n.district_id as district, pg_catalog.max(n.seq) as seq from new_rows n where n.district_id <> '' group by n.district_id
    union all
    select null, pg_catalog.max(n.seq) from new_rows n having pg_catalog.count(*) > 0
  loop
    execute 'select realtime.send($1, $2, $3, true)'
      using pg_catalog.jsonb_build_object('seq', d.seq, 'district', d.district), 'feed',
            case when d.district is null then 'city' else 'district:' || d.district end;
  end loop;
  return null;
end
$$;
revoke execute on function private.feed_broadcast() from public, anon, authenticated;
create trigger feed_broadcast_insert after insert on public.feed referencing new table as new_rows
  for each statement execute function private.feed_broadcast();
create trigger feed_broadcast_update after update on public.feed referencing new table as new_rows
  for each statement execute function private.feed_broadcast();

-- ─── Imports by street staff ─────────────────────────────────────────────────────────────────────
-- upsert_enterprises as in 20261201000900, with one more check: a street user's rows of another street
-- are refused one by one with the reason instead of being skipped by row-level security unreported.
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
  -- Street staff: only enterprises of their street, before and after (the restrictive policies would
  -- skip another street's rows silently, and the import would report them as updated).
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

