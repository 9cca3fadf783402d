-- The follow-up loop and new registrations (issue 16, parts 3 and 4).
--   三定 / 分片包干: every area (district, town / street) names the leader in charge of it (areas.leader).
--     Areas are city data (20261201000900 §4), so the leader is not written through the areas policies but
--     through set_area_leader: city staff for any area; district staff for their own district and its
--     towns / streets (a district assigns its leaders to its towns, 区县和乡镇两级分片包干); street staff
--     for none (their leader is assigned to them). An areas.geojson import (city staff) carries `leader`.
--   督查: inspection notes (督查记录) against an area or a plan item: date, by whom, finding, follow-up due,
--     resolved. The note takes its target's district; street staff write notes on their street and on the
--     plan items of their street.
--   源头登记: every register import is a run (public.register_imports); which enterprises it brought in
--     that the register did not hold (new) and which left it (deregistered by this import, or — for a run
--     declared the full register of the importer's scope — operating enterprises of that scope it no longer
--     lists) are public.register_changes, in the feed. load_register (the trusted bulk load: first start,
--     restore) records a run with no changes: it is the baseline.
--   通报: a snapshot also holds the open plan items past their due date, the leader, the month's new
--     registrations and how many of them are covered.

-- ─── 三定 / 分片包干: the leader of an area ──────────────────────────────────────────────────────────
alter table public.areas add column leader text not null default '';
comment on column public.areas.leader is '分片包干责任领导: the leader in charge of the area (blank: none named).';

create function public.set_area_leader(area text, leader_name text)
returns table (id text, leader text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
  target public.areas;
begin
  select * into target from public.areas a where a.id = area;
  if not found then
    raise exception 'PT404: area % not found', area using errcode = 'PT404';
  end if;
  -- Without a JWT (the embedded store's own session, service role) the caller is trusted.
  if (select auth.uid()) is not null and not (
       me.role = 'city' or (me.role = 'district' and target.district_id is not distinct from me.district_id)) then
    raise exception 'the leader of % is set by the city or by the staff of district %', target.name, target.district_id
      using errcode = '42501', hint = 'Street staff cannot name their own leader.';
  end if;
  update public.areas a set leader = pg_catalog.btrim(coalesce(leader_name, '')) where a.id = area;
  return query select a.id, a.leader from public.areas a where a.id = area;
end
$$;
comment on function public.set_area_leader is 'Names the leader in charge of an area (分片包干): city staff any area, district staff their district and its streets.';

drop function public.list_places(text, text, integer);
create function public.list_places(place_kind text, after_id text default null, page_size integer default 1000)
returns table (id text, name text, level text, parent_id text, kind text, floors integer, district_id text, geometry jsonb, leader text)
language sql stable set search_path = '' set jit = off as $$
  select * from (
    select a.id, a.name, a.level, a.parent_id, null::text as kind, null::integer as floors, a.district_id,
           extensions.st_asgeojson(a.geom, 7)::jsonb as geometry, a.leader
    from public.areas a where place_kind = 'areas'
    union all
    select b.id, b.name, null, null, null, b.floors, b.district_id, extensions.st_asgeojson(b.geom, 7)::jsonb, null
    from public.buildings b where place_kind = 'buildings'
    union all
    select z.id, z.name, null, null, z.kind, null, z.district_id, extensions.st_asgeojson(z.geom, 7)::jsonb, null
    from public.zones z where place_kind = 'zones'
  ) p
  where after_id is null or p.id > after_id
  order by p.id
  limit least(greatest(page_size, 1), 10000)
$$;
comment on function public.list_places is 'Areas (with their leader), buildings or zones with GeoJSON geometry, one page after after_id.';

-- upsert_places as in 20261127000200, and an area feature's `leader` (absent: the stored leader stays).
create or replace function public.upsert_places(place_kind text, features jsonb)
returns table (row_no integer, place_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
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
        insert into public.areas as a (id, name, level, parent_id, district_id, geom, leader)
        values (fid, coalesce(props ->> 'name', ''), props ->> 'level', props ->> 'parent', district, shape,
                pg_catalog.btrim(coalesce(props ->> 'leader', '')))
        on conflict (id) do update set name = excluded.name, level = excluded.level, parent_id = excluded.parent_id,
          district_id = excluded.district_id, geom = excluded.geom,
          leader = case when props ? 'leader' then excluded.leader else a.leader end;
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

-- ─── 督查: inspection notes ──────────────────────────────────────────────────────────────────────
create table public.inspection_notes (
  id uuid primary key default gen_random_uuid(),
  district_id text,
  area_id text references public.areas (id) on delete cascade,
  plan_item_id uuid references public.plan_items (id) on delete cascade,
  inspected_on date not null,
  inspector text not null check (pg_catalog.btrim(inspector) <> ''),
  finding text not null check (pg_catalog.btrim(finding) <> ''),
  follow_up_due date,
  resolved boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint inspection_notes_one_target check (pg_catalog.num_nonnulls(area_id, plan_item_id) = 1)
);
comment on table public.inspection_notes is 'Inspection notes (督查记录) against an area or a plan item: date, inspector, finding, follow-up due.';
create index inspection_notes_district_idx on public.inspection_notes (district_id);
create index inspection_notes_area_idx on public.inspection_notes (area_id) where area_id is not null;
create index inspection_notes_plan_item_idx on public.inspection_notes (plan_item_id) where plan_item_id is not null;

-- The note takes the district of the row it is about (TG_ARGV pairs: column, table; the first non-null
-- wins, and every other one named must be in the same district). A missing target is a 23503.
create function private.same_district_target() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  k integer := 0;
  ref text;
  found_district text;
  found_row boolean;
  district text;
  seen boolean := false;
begin
  while k < tg_nargs loop
    ref := pg_catalog.to_jsonb(new) ->> tg_argv[k];
    if ref is not null then
      found_row := null;
      execute pg_catalog.format('select true, p.district_id from public.%I p where p.id::text = $1', tg_argv[k + 1])
        into found_row, found_district using ref;
      if found_row is null then
        raise exception '%: % % does not exist', tg_table_name, tg_argv[k + 1], ref using errcode = '23503';
      end if;
      if seen and found_district is distinct from district then
        raise exception '%: % % is not in district %', tg_table_name, tg_argv[k + 1], ref, coalesce(district, '(none)')
          using errcode = '42501', hint = 'A note names rows of one district only.';
      end if;
      district := found_district;
      seen := true;
    end if;
    k := k + 2;
  end loop;
  new.district_id := district;
  return new;
end
$$;
revoke execute on function private.same_district_target() from public, anon, authenticated;

create trigger inspection_notes_same_district before insert or update on public.inspection_notes
  for each row execute function private.same_district_target('area_id', 'areas', 'plan_item_id', 'plan_items');
create trigger inspection_notes_updated_by before insert or update on public.inspection_notes for each row
  when (new.updated_by::text is distinct from coalesce(nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
        nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))
  execute function private.set_updated_by();

-- A plan item or area whose district changes may not leave notes of another district behind.
create function private.same_district_notes_follow() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  bad text;
begin
  if tg_table_name = 'plan_items' then
    select n.plan_item_id::text into bad from new_rows p join public.inspection_notes n on n.plan_item_id = p.id
    where n.district_id is distinct from p.district_id limit 1;
  else
    select n.area_id into bad from new_rows a join public.inspection_notes n on n.area_id = a.id
    where n.district_id is distinct from a.district_id limit 1;
  end if;
  if bad is not null then
    raise exception '% %: inspection notes of another district name it', tg_table_name, bad
      using errcode = '42501', hint = 'Remove the cross-district links and references first.';
  end if;
  return null;
end
$$;
revoke execute on function private.same_district_notes_follow() from public, anon, authenticated;
create trigger plan_items_notes_follow after update on public.plan_items referencing new table as new_rows
  for each statement execute function private.same_district_notes_follow();
create trigger areas_notes_follow after update on public.areas referencing new table as new_rows
  for each statement execute function private.same_district_notes_follow();

alter table public.inspection_notes enable row level security;
create policy inspection_notes_select on public.inspection_notes for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
create policy inspection_notes_insert on public.inspection_notes for insert to authenticated
  with check ((select private.is_city()) or district_id = (select private.staff_district()));
create policy inspection_notes_update on public.inspection_notes for update to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()))
  with check ((select private.is_city()) or district_id = (select private.staff_district()));
create policy inspection_notes_delete on public.inspection_notes for delete to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
-- Street staff: notes on their street, or on plan items of their street (as 20261201001200's rules).
do $$
declare
  cond constant text := $c$(area_id = s.street or (plan_item_id is not null and private.plan_item_in_street(plan_item_id, s.street)))$c$;
begin
  execute pg_catalog.format($p$create policy inspection_notes_street_insert on public.inspection_notes as restrictive for insert to authenticated
    with check ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$, cond);
  execute pg_catalog.format($p$create policy inspection_notes_street_update on public.inspection_notes as restrictive for update to authenticated
    using ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))
    with check ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$, cond, cond);
  execute pg_catalog.format($p$create policy inspection_notes_street_delete on public.inspection_notes as restrictive for delete to authenticated
    using ((select private.staff_street()) is null or exists (select 1 from (select private.staff_street() as street) s where %s))$p$, cond);
end
$$;
revoke all on public.inspection_notes from anon;
revoke truncate, trigger, references on public.inspection_notes from authenticated;
grant select, insert, update, delete on public.inspection_notes to authenticated;
grant all on public.inspection_notes to service_role;

create function public.save_inspection_note(note jsonb)
returns setof public.inspection_notes
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  saved public.inspection_notes;
begin
  if note ? 'id' and nullif(note ->> 'id', '') is not null then
    update public.inspection_notes n set
      inspected_on = coalesce((note ->> 'inspected_on')::date, n.inspected_on),
      inspector = coalesce(note ->> 'inspector', n.inspector),
      finding = coalesce(note ->> 'finding', n.finding),
      follow_up_due = case when note ? 'follow_up_due' then (note ->> 'follow_up_due')::date else n.follow_up_due end,
      resolved = coalesce((note ->> 'resolved')::boolean, n.resolved),
      version = n.version + 1, updated_at = now(), updated_by = (select auth.uid())
    where n.id = (note ->> 'id')::uuid and n.version = (note ->> 'version')::integer
    returning * into saved;
    if not found then
      if exists (select 1 from public.inspection_notes n where n.id = (note ->> 'id')::uuid) then
        raise exception 'PT409: inspection note % was changed by someone else', note ->> 'id' using errcode = 'PT409';
      end if;
      raise exception 'PT404: inspection note % not found', note ->> 'id' using errcode = 'PT404';
    end if;
  else
    insert into public.inspection_notes (area_id, plan_item_id, inspected_on, inspector, finding, follow_up_due, resolved, updated_by)
    values (nullif(note ->> 'area_id', ''), nullif(note ->> 'plan_item_id', '')::uuid,
            coalesce((note ->> 'inspected_on')::date, current_date), pg_catalog.btrim(coalesce(note ->> 'inspector', '')),
            pg_catalog.btrim(coalesce(note ->> 'finding', '')), (note ->> 'follow_up_due')::date,
            coalesce((note ->> 'resolved')::boolean, false), (select auth.uid()))
    returning * into saved;
  end if;
  return next saved;
end
$$;
comment on function public.save_inspection_note is 'Records an inspection note (督查记录) against an area or a plan item, or edits one at its version.';

create function public.delete_inspection_note(note_id uuid, expected_version integer)
returns void
language plpgsql volatile set search_path = '' set jit = off as $$
begin
  delete from public.inspection_notes n where n.id = note_id and n.version = expected_version;
  if not found then
    if exists (select 1 from public.inspection_notes n where n.id = note_id) then
      raise exception 'PT409: inspection note % was changed by someone else', note_id using errcode = 'PT409';
    end if;
    raise exception 'PT404: inspection note % not found', note_id using errcode = 'PT404';
  end if;
end
$$;

create function public.list_inspection_notes(after_id text default null, page_size integer default 1000)
returns setof public.inspection_notes
language sql stable set search_path = '' set jit = off as $$
  select * from public.inspection_notes n
  where after_id is null or n.id > after_id::uuid
  order by n.id
  limit least(greatest(page_size, 1), 10000)
$$;

-- ─── 源头登记: register imports and what they changed ──────────────────────────────────────────────
create table public.register_imports (
  id bigint generated always as identity primary key,
  -- The importer's scope: their district (and street) for district and street staff, null for the city.
  district_id text,
  street_id text,
  imported_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  full_register boolean not null default false,
  baseline boolean not null default false,
  row_count integer not null default 0 check (row_count >= 0),
  new_count integer not null default 0 check (new_count >= 0),
  left_count integer not null default 0 check (left_count >= 0)
);
comment on table public.register_imports is 'One row per register import (源头登记): who, when, how many rows, how many new and gone; written by the import functions only.';
create index register_imports_district_idx on public.register_imports (district_id);

create table public.register_changes (
  id bigint generated always as identity primary key,
  import_id bigint not null references public.register_imports (id) on delete cascade,
  enterprise_id text not null references public.enterprises (id) on delete cascade,
  district_id text,
  street_id text,
  change text not null check (change in ('new', 'left')),
  reason text not null check (reason in ('registered', 'deregistered', 'missing')),
  seen_on date not null,
  unique (import_id, enterprise_id)
);
comment on table public.register_changes is 'Enterprises a register import brought in (new) or that left the register (deregistered, or missing from a full register); written by the import functions only.';
create index register_changes_district_idx on public.register_changes (district_id);
create index register_changes_enterprise_idx on public.register_changes (enterprise_id);

-- The enterprises an unfinished run has seen so far (its chunks), emptied when it finishes.
create table private.register_import_seen (
  import_id bigint not null references public.register_imports (id) on delete cascade,
  enterprise_id text not null,
  primary key (import_id, enterprise_id)
);

alter table public.register_imports enable row level security;
alter table public.register_changes enable row level security;
create policy register_imports_select on public.register_imports for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
create policy register_changes_select on public.register_changes for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
revoke all on public.register_imports, public.register_changes from anon, authenticated;
grant select on public.register_imports, public.register_changes to authenticated;
grant all on public.register_imports, public.register_changes to service_role;
revoke all on private.register_import_seen from public, anon, authenticated;

-- Starts a run for the caller (any staff member who may import; the rows are checked by upsert_enterprises).
create function public.start_register_import(full_register boolean default false, row_count integer default 0)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := private.caller_staff();
  run bigint;
begin
  if (select auth.uid()) is not null and me.role not in ('city', 'district', 'street') then
    raise exception 'only staff may import enterprises' using errcode = '42501';
  end if;
  insert into public.register_imports (district_id, street_id, imported_by, full_register, row_count)
  values (case when me.role in ('district', 'street') then me.district_id end, case when me.role = 'street' then me.street_id end,
          (select auth.uid()), coalesce(full_register, false), greatest(coalesce(row_count, 0), 0))
  returning id into run;
  return run;
end
$$;

-- The run must be the caller's own and not finished.
create function private.own_open_run(run bigint) returns public.register_imports
language plpgsql stable security definer set search_path = '' as $$
declare
  r public.register_imports;
begin
  select * into r from public.register_imports i where i.id = run;
  if not found or r.finished_at is not null or r.imported_by is distinct from (select auth.uid()) then
    raise exception 'PT404: register import % is not an open import of yours', run using errcode = 'PT404';
  end if;
  return r;
end
$$;

-- Records what one chunk of a run did (called by import_register_rows with the caller's results).
create function private.note_register_rows(run bigint, ids text[], inserted text[], deregistered text[]) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.register_imports := private.own_open_run(run);
begin
  insert into private.register_import_seen (import_id, enterprise_id)
  select r.id, x from pg_catalog.unnest(ids) x on conflict do nothing;
  insert into public.register_changes (import_id, enterprise_id, district_id, street_id, change, reason, seen_on)
  select r.id, e.id, e.district_id, e.street_id, c.change, c.reason, (r.started_at at time zone 'Asia/Shanghai')::date
  from (select x as id, 'new' as change, 'registered' as reason from pg_catalog.unnest(inserted) x
        union all
        select x, 'left', 'deregistered' from pg_catalog.unnest(deregistered) x) c
  join public.enterprises e on e.id = c.id
  on conflict (import_id, enterprise_id) do nothing;
end
$$;

-- One chunk of a run: upsert_enterprises (apply) under the caller's rights, then what it brought in and
-- which of its rows it deregistered (operating before, not operating now).
create function public.import_register_rows(run bigint, rows jsonb)
returns table (row_no integer, enterprise_id text, action text, message text)
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  before_ops jsonb;
  results jsonb;
begin
  perform private.own_open_run(run);
  select coalesce(pg_catalog.jsonb_object_agg(e.id, private.is_operating(e.status)), '{}'::jsonb) into before_ops
  from public.enterprises e
  where e.id in (select coalesce(nullif(pg_catalog.btrim(x ->> 'id'), ''), nullif(pg_catalog.btrim(x ->> 'credit_code'), '')) from pg_catalog.jsonb_array_elements(rows) x)
     or e.credit_code in (select nullif(pg_catalog.btrim(x ->> 'credit_code'), '') from pg_catalog.jsonb_array_elements(rows) x);
  -- The chunk's results as one value (a temporary table would hide them from plpgsql_check).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::jsonb) into results from public.upsert_enterprises(rows, 'apply') r;
  perform private.note_register_rows(run,
    array(select x ->> 'enterprise_id' from pg_catalog.jsonb_array_elements(results) x where x ->> 'action' in ('inserted', 'updated')),
    array(select x ->> 'enterprise_id' from pg_catalog.jsonb_array_elements(results) x where x ->> 'action' = 'inserted'),
    array(select x ->> 'enterprise_id' from pg_catalog.jsonb_array_elements(results) x join public.enterprises e on e.id = x ->> 'enterprise_id'
          where x ->> 'action' = 'updated' and coalesce((before_ops ->> (x ->> 'enterprise_id'))::boolean, false) and not private.is_operating(e.status)));
  return query select (x ->> 'row_no')::integer, x ->> 'enterprise_id', x ->> 'action', x ->> 'message'
    from pg_catalog.jsonb_array_elements(results) x order by (x ->> 'row_no')::integer;
end
$$;

-- Ends a run: for a full register, the operating enterprises of the importer's scope (their street, their
-- district, or for the city the districts the run's rows are in) that the run did not list have left the
-- register (once: one already recorded as gone and not seen since is not listed again).
create function public.finish_register_import(run bigint)
returns setof public.register_imports
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.register_imports := private.own_open_run(run);
  today date := (r.started_at at time zone 'Asia/Shanghai')::date;
begin
  if r.full_register then
    insert into public.register_changes (import_id, enterprise_id, district_id, street_id, change, reason, seen_on)
    select r.id, e.id, e.district_id, e.street_id, 'left', 'missing', today
    from public.enterprises e
    where private.is_operating(e.status)
      and (case when r.street_id is not null then e.street_id = r.street_id
                when r.district_id is not null then e.district_id = r.district_id
                else e.district_id in (select x.district_id from private.register_import_seen s join public.enterprises x on x.id = s.enterprise_id
                                       where s.import_id = r.id) end)
      and not exists (select 1 from private.register_import_seen s where s.import_id = r.id and s.enterprise_id = e.id)
      and coalesce((select c.change from public.register_changes c where c.enterprise_id = e.id order by c.import_id desc limit 1), 'new') <> 'left'
    on conflict (import_id, enterprise_id) do nothing;
  end if;
  update public.register_imports i set
    finished_at = now(),
    row_count = greatest(i.row_count, (select pg_catalog.count(*)::integer from private.register_import_seen s where s.import_id = r.id)),
    new_count = (select pg_catalog.count(*)::integer from public.register_changes c where c.import_id = r.id and c.change = 'new'),
    left_count = (select pg_catalog.count(*)::integer from public.register_changes c where c.import_id = r.id and c.change = 'left')
  where i.id = r.id;
  delete from private.register_import_seen s where s.import_id = r.id;
  return query select * from public.register_imports i where i.id = r.id;
end
$$;

create function private.mark_baseline(run bigint) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.register_imports := private.own_open_run(run);
begin
  update public.register_imports i set baseline = true where i.id = r.id;
end
$$;

-- The trusted bulk load (first start, restore) as a run: the baseline, with no changes.
create function public.load_register(rows jsonb)
returns integer
language plpgsql volatile set search_path = '' set jit = off as $$
declare
  n integer := public.load_enterprises(rows);
  run bigint := public.start_register_import(false, n);
begin
  perform private.mark_baseline(run);
  perform public.finish_register_import(run);
  return n;
end
$$;

create function public.list_register_changes(after_id text default null, page_size integer default 1000)
returns setof public.register_changes
language sql stable set search_path = '' set jit = off as $$
  select * from public.register_changes c
  where after_id is null or c.id > after_id::bigint
  order by c.id
  limit least(greatest(page_size, 1), 10000)
$$;

create function public.list_register_imports()
returns setof public.register_imports
language sql stable set search_path = '' set jit = off as $$
  select * from public.register_imports i order by i.id desc limit 100
$$;

-- ─── The feed carries notes, register changes and the areas' leaders ─────────────────────────────
alter table public.feed drop constraint feed_kind_check;
alter table public.feed add constraint feed_kind_check
  check (kind in ('enterprise', 'area', 'building', 'zone', 'organization', 'plan_item', 'bulletin_snapshot', 'slide', 'rule_profile',
                  'inspection_note', 'register_change'));

do $$
declare
  t record;
begin
  for t in select * from (values ('inspection_notes', 'inspection_note'), ('register_changes', 'register_change')) as x(tbl, kind) loop
    execute pg_catalog.format('create trigger %I after insert on public.%I referencing new table as new_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_insert', t.tbl, t.kind, 'id');
    execute pg_catalog.format('create trigger %I after update on public.%I referencing old table as old_rows new table as new_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_update', t.tbl, t.kind, 'id');
    execute pg_catalog.format('create trigger %I after delete on public.%I referencing old table as old_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_delete', t.tbl, t.kind, 'id');
  end loop;
end
$$;

-- feed_row as in 20261201001100, the area with its leader, and the two new kinds.
create or replace function private.feed_row(kind text, row_id text) returns jsonb
language sql stable set search_path = '' as $$
  select case kind
    when 'enterprise' then (select pg_catalog.to_jsonb(r) from public.enterprise_rows r where r.id = row_id)
    when 'area' then (select pg_catalog.jsonb_build_object('id', a.id, 'name', a.name, 'level', a.level, 'parent_id', a.parent_id,
                        'district_id', a.district_id, 'leader', a.leader, 'geometry', extensions.st_asgeojson(a.geom, 7)::jsonb) from public.areas a where a.id = row_id)
    when 'building' then (select pg_catalog.jsonb_build_object('id', b.id, 'name', b.name, 'floors', b.floors, 'district_id', b.district_id,
                        'geometry', extensions.st_asgeojson(b.geom, 7)::jsonb) from public.buildings b where b.id = row_id)
    when 'zone' then (select pg_catalog.jsonb_build_object('id', z.id, 'name', z.name, 'kind', z.kind, 'district_id', z.district_id,
                        'geometry', extensions.st_asgeojson(z.geom, 7)::jsonb) from public.zones z where z.id = row_id)
    when 'organization' then (select pg_catalog.to_jsonb(o) from public.organizations o where o.id = row_id)
    when 'plan_item' then (select pg_catalog.to_jsonb(p) from public.plan_item_rows p where p.id = row_id)
    when 'bulletin_snapshot' then (select pg_catalog.to_jsonb(s) from public.bulletin_snapshots s where s.id::text = row_id)
    when 'slide' then (select pg_catalog.to_jsonb(s) from public.slides s where s.id::text = row_id)
    when 'rule_profile' then (select pg_catalog.to_jsonb(p) from public.rule_profiles p where p.id = row_id)
    when 'inspection_note' then (select pg_catalog.to_jsonb(n) from public.inspection_notes n where n.id::text = row_id)
    when 'register_change' then (select pg_catalog.to_jsonb(c) from public.register_changes c where c.id::text = row_id)
  end
$$;

-- ─── 通报: overdue items, the leader, new registrations ──────────────────────────────────────────────
alter table public.bulletin_snapshots
  add column overdue integer not null default 0 check (overdue >= 0),
  add column due_soon integer not null default 0 check (due_soon >= 0),
  add column leader text not null default '',
  add column new_registrations integer not null default 0 check (new_registrations >= 0),
  add column new_registrations_covered integer not null default 0 check (new_registrations_covered >= 0),
  -- The campaign figures of 20261202001400 (private.campaign_area_figures): members whose relationship is
  -- held elsewhere and of them transferred, mass organizations without a Party organization, key enterprises.
  add column members_elsewhere integer not null default 0 check (members_elsewhere >= 0),
  add column members_transferred integer not null default 0 check (members_transferred >= 0),
  add column mass_org_no_party integer not null default 0 check (mass_org_no_party >= 0),
  add column key_enterprises integer not null default 0 check (key_enterprises >= 0);
comment on column public.bulletin_snapshots.overdue is 'Open plan items (not 已组建) of the area past their due date on taken_on.';
comment on column public.bulletin_snapshots.due_soon is 'Open plan items due within 7 days of taken_on.';
comment on column public.bulletin_snapshots.new_registrations is 'Enterprises registered (成立日期, else first seen in an import) in taken_on''s month, up to taken_on.';

-- take_bulletin_snapshot as in 20261201000900, with the columns above. A plan item counts in each area of
-- its members (one without members in its district). The registration date is the register's 成立日期
-- (registered_on, 20261202001400) or else the day an import first brought the enterprise in.
create or replace function public.take_bulletin_snapshot(taken date)
returns setof public.bulletin_snapshots
language sql volatile set search_path = '' set jit = off as $$
  with figures as (
    select c.area_id, c.enterprises, c.covered, c.own_org, c.work_covered, c.must_cover, c.must_cover_covered, c.six_clears_complete,
           a.level, a.leader, coalesce(a.district_id, case when a.level = 'district' then a.id else a.parent_id end) as district_id
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
    select p.id, p.status, p.due_date, coalesce(e.district_id, p.district_id) as district_id, e.street_id
    from public.plan_items p
    left join public.plan_item_enterprises m on m.plan_item_id = p.id
    left join public.enterprises e on e.id = m.enterprise_id
  ), items as (
    select 'district' as level, x.district_id as area_id,
           pg_catalog.count(distinct x.id) filter (where x.status = 'formed')::integer as plan_items_formed,
           pg_catalog.count(distinct x.id) filter (where x.status <> 'formed' and x.due_date < taken)::integer as overdue,
           pg_catalog.count(distinct x.id) filter (where x.status <> 'formed' and x.due_date >= taken and x.due_date <= taken + 7)::integer as due_soon
    from members x where x.district_id is not null group by x.district_id
    union all
    select 'street', x.street_id,
           pg_catalog.count(distinct x.id) filter (where x.status = 'formed')::integer,
           pg_catalog.count(distinct x.id) filter (where x.status <> 'formed' and x.due_date < taken)::integer,
           pg_catalog.count(distinct x.id) filter (where x.status <> 'formed' and x.due_date >= taken and x.due_date <= taken + 7)::integer
    from members x where x.street_id is not null group by x.street_id
  ), registered as (
    select e.district_id, e.street_id, (coalesce(e.org_id, '') <> '') as is_covered,
           coalesce(e.registered_on,
                    (select pg_catalog.min(c.seen_on) from public.register_changes c where c.enterprise_id = e.id and c.change = 'new')) as registered_on
    from public.enterprises e
    where private.is_operating(e.status)
  ), fresh as (
    select r.* from registered r
    where r.registered_on >= pg_catalog.date_trunc('month', taken)::date and r.registered_on <= taken
  ), news as (
    select 'district' as level, f.district_id as area_id, pg_catalog.count(*)::integer as new_registrations,
           pg_catalog.count(*) filter (where f.is_covered)::integer as new_registrations_covered
    from fresh f where f.district_id is not null group by f.district_id
    union all
    select 'street', f.street_id, pg_catalog.count(*)::integer, pg_catalog.count(*) filter (where f.is_covered)::integer
    from fresh f where f.street_id is not null group by f.street_id
  )
  insert into public.bulletin_snapshots as s (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover,
    must_cover_covered, six_clears_complete, organizations, plan_items_formed, overdue, due_soon, leader, new_registrations, new_registrations_covered,
    members_elsewhere, members_transferred, mass_org_no_party, key_enterprises)
  select taken, f.area_id, f.district_id, f.enterprises::integer, f.covered::integer, f.own_org::integer, f.work_covered::integer,
         f.must_cover::integer, f.must_cover_covered::integer, f.six_clears_complete::integer,
         coalesce(o.organizations, 0), coalesce(p.plan_items_formed, 0), coalesce(p.overdue, 0), coalesce(p.due_soon, 0), f.leader,
         coalesce(n.new_registrations, 0), coalesce(n.new_registrations_covered, 0),
         coalesce(c.members_elsewhere, 0), coalesce(c.members_transferred, 0), coalesce(c.mass_org_no_party, 0), coalesce(c.key_enterprises, 0)
  from figures f
  left join orgs o on o.level = f.level and o.area_id = f.area_id
  left join items p on p.level = f.level and p.area_id = f.area_id
  left join news n on n.level = f.level and n.area_id = f.area_id
  left join private.campaign_area_figures() c on c.area_id = f.area_id
  on conflict (taken_on, area_id) do update set
    enterprises = excluded.enterprises, covered = excluded.covered, own_org = excluded.own_org, work_covered = excluded.work_covered,
    must_cover = excluded.must_cover, must_cover_covered = excluded.must_cover_covered, six_clears_complete = excluded.six_clears_complete,
    organizations = excluded.organizations, plan_items_formed = excluded.plan_items_formed, overdue = excluded.overdue,
    due_soon = excluded.due_soon, leader = excluded.leader, new_registrations = excluded.new_registrations,
    new_registrations_covered = excluded.new_registrations_covered, members_elsewhere = excluded.members_elsewhere,
    members_transferred = excluded.members_transferred, mass_org_no_party = excluded.mass_org_no_party, key_enterprises = excluded.key_enterprises
  returning s.*
$$;

-- ─── Grants ──────────────────────────────────────────────────────────────────────────────────────
revoke execute on function public.set_area_leader(text, text), public.list_places(text, text, integer),
  public.save_inspection_note(jsonb), public.delete_inspection_note(uuid, integer), public.list_inspection_notes(text, integer),
  public.start_register_import(boolean, integer), public.import_register_rows(bigint, jsonb), public.finish_register_import(bigint),
  public.load_register(jsonb), public.list_register_changes(text, integer), public.list_register_imports()
  from public, anon;
grant execute on function public.set_area_leader(text, text), public.list_places(text, text, integer),
  public.save_inspection_note(jsonb), public.delete_inspection_note(uuid, integer), public.list_inspection_notes(text, integer),
  public.start_register_import(boolean, integer), public.import_register_rows(bigint, jsonb), public.finish_register_import(bigint),
  public.load_register(jsonb), public.list_register_changes(text, integer), public.list_register_imports()
  to authenticated, service_role;
revoke execute on function private.own_open_run(bigint), private.note_register_rows(bigint, text[], text[], text[]), private.mark_baseline(bigint) from public, anon;
grant execute on function private.own_open_run(bigint), private.note_register_rows(bigint, text[], text[], text[]), private.mark_baseline(bigint) to authenticated, service_role;
