-- The shared workspace's reads for the staff panel and the edit history (issue 13, cont.):
--   staff_names(ids)      names of the staff members the caller may know: the city everyone; district and
--                         street staff their own district's staff and the city's (who edit their rows);
--                         never another district's people (district staff cannot read staff rows at all);
--   list_staff_audit()    who approved, changed, revoked or turned down whom, when, old → new: city admins
--                         every entry; district admins their district's;
--   area_choices()        districts and streets by name for a sign-up request.
-- (A street user's update_enterprise on another street's enterprise is refused as such — 42501, not PT409 —
-- by private.refuse_other_street in 20261202001400, which also carries the campaign columns.)

create function public.staff_names(ids uuid[])
returns table (user_id uuid, name text)
language plpgsql stable security definer set search_path = '' set jit = off as $$
declare
  -- Refuses a signed-in user without a staff row (42501).
  me public.staff := private.caller_staff();
begin
  if pg_catalog.cardinality(ids) > 1000 then
    raise exception 'at most 1000 ids at a time' using errcode = '22023';
  end if;
  return query
  select s.user_id, s.name
  from public.staff s
  where s.user_id = any (ids)
    and ((select auth.uid()) is null or me.role = 'city' or s.role = 'city' or s.district_id = me.district_id or s.user_id = me.user_id);
end
$$;
comment on function public.staff_names is
  'Names of staff members for the edit history: city staff see all; district and street staff their district''s and the city''s staff.';

create function public.list_staff_audit(page_size integer default 200, before_id bigint default null)
returns table (id bigint, at timestamptz, table_name text, action text, actor_id uuid, actor_name text, target_id uuid,
  target_name text, district_id text, old_row jsonb, new_row jsonb)
language plpgsql stable security definer set search_path = '' set jit = off as $$
declare
  me public.staff := private.caller_staff();
begin
  if (select auth.uid()) is not null and not coalesce(me.is_admin, false) then
    raise exception 'only a city admin or a district admin reads the staff audit' using errcode = '42501';
  end if;
  return query
  select a.id, a.at, a.table_name, a.action, a.user_id,
         coalesce(actor.name, actor_request.name, ''),
         a.row_id::uuid,
         coalesce(target.name, target_request.name, a.new_row ->> 'name', a.old_row ->> 'name', ''),
         a.district_id, a.old_row, a.new_row
  from public.audit_log a
  left join public.staff actor on actor.user_id = a.user_id
  left join public.staff_requests actor_request on actor_request.user_id = a.user_id
  left join public.staff target on target.user_id::text = a.row_id
  left join public.staff_requests target_request on target_request.user_id::text = a.row_id
  where a.table_name in ('staff', 'staff_requests')
    and (before_id is null or a.id < before_id)
    and ((select auth.uid()) is null or me.role = 'city' or a.district_id = me.district_id
         or (a.old_row ->> 'district_id') = me.district_id or (a.new_row ->> 'district_id') = me.district_id)
  order by a.id desc
  limit least(greatest(coalesce(page_size, 200), 1), 1000);
end
$$;
comment on function public.list_staff_audit is
  'The staff audit (approvals, changes, revocations, requests) with names: city admins all, district admins their district''s. Newest first, paged by id.';
create index if not exists audit_log_staff_idx on public.audit_log (id) where table_name in ('staff', 'staff_requests');

revoke execute on function public.staff_names(uuid[]), public.list_staff_audit(integer, bigint) from public, anon;
grant execute on function public.staff_names(uuid[]), public.list_staff_audit(integer, bigint) to authenticated, service_role;

-- The districts and streets a signed-in user may ask to join, by name (the awaiting-approval screen: a
-- user without a staff row reads no areas). Administrative names and codes only, no outlines.
create function public.area_choices()
returns table (id text, name text, level text, parent_id text)
language sql stable security definer set search_path = '' set jit = off as $$
  select a.id, a.name, a.level, a.parent_id from public.areas a
  where (select auth.uid()) is not null and a.level in ('district', 'street')
  order by a.level, a.id
$$;
comment on function public.area_choices is 'Districts and streets by name for a sign-up request (any signed-in user; names and codes only).';
revoke execute on function public.area_choices() from public, anon;
grant execute on function public.area_choices() to authenticated, service_role;
