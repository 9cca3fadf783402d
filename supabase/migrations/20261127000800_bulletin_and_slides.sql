-- The half-monthly bulletin (半月通报): dated figures per area, taken from the live data, with what the
-- deltas need (organizations, plan items done). Presentation slides: saved views stored with the data.

alter table public.bulletin_snapshots
  add column organizations integer not null default 0 check (organizations >= 0),
  add column plan_items_formed integer not null default 0 check (plan_items_formed >= 0);

create function public.take_bulletin_snapshot(taken date)
returns setof public.bulletin_snapshots
language sql volatile set search_path = '' as $$
  with figures as (
    select c.area_id, c.enterprises, c.covered, c.own_org, c.work_covered, c.must_cover, c.must_cover_covered, c.six_clears_complete,
           a.level, coalesce(a.district_id, case when a.level = 'district' then a.id else a.parent_id end) as district_id
    from public.coverage_by_area() c join public.areas a on a.id = c.area_id
  ), orgs as (
    select a.id as area_id, pg_catalog.count(distinct e.org_id)::integer as organizations
    from public.areas a join public.enterprises e on (a.level = 'district' and e.district_id = a.id) or (a.level = 'street' and e.street_id = a.id)
    where coalesce(e.org_id, '') <> '' and private.is_operating(e.status)
    group by a.id
  ), formed as (
    select a.id as area_id, pg_catalog.count(distinct p.id)::integer as plan_items_formed
    from public.plan_items p
    join public.plan_item_enterprises m on m.plan_item_id = p.id
    join public.enterprises e on e.id = m.enterprise_id
    join public.areas a on (a.level = 'district' and e.district_id = a.id) or (a.level = 'street' and e.street_id = a.id)
    where p.status = 'formed'
    group by a.id
  )
  insert into public.bulletin_snapshots as s (taken_on, area_id, district_id, enterprises, covered, own_org, work_covered, must_cover,
    must_cover_covered, six_clears_complete, organizations, plan_items_formed)
  select taken, f.area_id, f.district_id, f.enterprises::integer, f.covered::integer, f.own_org::integer, f.work_covered::integer,
         f.must_cover::integer, f.must_cover_covered::integer, f.six_clears_complete::integer,
         coalesce(o.organizations, 0), coalesce(p.plan_items_formed, 0)
  from figures f left join orgs o on o.area_id = f.area_id left join formed p on p.area_id = f.area_id
  on conflict (taken_on, area_id) do update set
    enterprises = excluded.enterprises, covered = excluded.covered, own_org = excluded.own_org, work_covered = excluded.work_covered,
    must_cover = excluded.must_cover, must_cover_covered = excluded.must_cover_covered, six_clears_complete = excluded.six_clears_complete,
    organizations = excluded.organizations, plan_items_formed = excluded.plan_items_formed
  returning s.*
$$;
comment on function public.take_bulletin_snapshot is 'Takes (or retakes) the bulletin figures of every visible area for a date.';

create function public.list_bulletin_snapshots(after_id text default null, page_size integer default 1000)
returns setof public.bulletin_snapshots
language sql stable set search_path = '' as $$
  select * from public.bulletin_snapshots s
  where after_id is null or s.id > after_id::bigint
  order by s.id
  limit least(greatest(page_size, 1), 10000)
$$;

create table public.slides (
  id uuid primary key default gen_random_uuid(),
  district_id text,
  deck text not null default 'default',
  position integer not null default 0,
  title text not null default '',
  note text not null default '',
  -- camera, visible layers, filter, selected area or plan item, before/after: what the app restores.
  view jsonb not null default '{}'::jsonb,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.slides is 'Presentation slides: saved map views with a title and a note, in deck order.';
create index slides_deck_idx on public.slides (deck, position);
create index slides_district_idx on public.slides (district_id);
alter table public.slides enable row level security;
create policy slides_select on public.slides for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
create policy slides_insert on public.slides for insert to authenticated
  with check ((select private.is_city()) or district_id = (select private.staff_district()));
create policy slides_update on public.slides for update to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()))
  with check ((select private.is_city()) or district_id = (select private.staff_district()));
create policy slides_delete on public.slides for delete to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
grant select, insert, update, delete on public.slides to authenticated;
grant all on public.slides to service_role;
revoke all on public.slides from anon;

create function public.save_slide(slide jsonb)
returns public.slides
language plpgsql volatile set search_path = '' as $$
declare
  result public.slides;
begin
  if slide ? 'id' and slide ->> 'id' is not null then
    update public.slides s set
      title = coalesce(slide ->> 'title', s.title), note = coalesce(slide ->> 'note', s.note),
      position = coalesce((slide ->> 'position')::integer, s.position), view = coalesce(slide -> 'view', s.view),
      version = s.version + 1, updated_at = now(), updated_by = (select auth.uid())
    where s.id = (slide ->> 'id')::uuid and s.version = (slide ->> 'version')::integer
    returning * into result;
    if not found then
      raise exception 'PT409: slide % was changed by someone else', slide ->> 'id' using errcode = 'PT409';
    end if;
    return result;
  end if;
  insert into public.slides (district_id, deck, position, title, note, view, updated_by)
  values (slide ->> 'district_id', coalesce(slide ->> 'deck', 'default'),
          coalesce((slide ->> 'position')::integer, (select coalesce(max(s.position) + 1, 0) from public.slides s where s.deck = coalesce(slide ->> 'deck', 'default'))),
          coalesce(slide ->> 'title', ''), coalesce(slide ->> 'note', ''), coalesce(slide -> 'view', '{}'::jsonb), (select auth.uid()))
  returning * into result;
  return result;
end
$$;
comment on function public.save_slide is 'Adds a slide at the end of its deck, or edits one at its version.';

create function public.list_slides(deck_name text default 'default')
returns setof public.slides
language sql stable set search_path = '' as $$
  select * from public.slides s where s.deck = deck_name order by s.position, s.id
$$;

create function public.delete_slide(slide_id uuid)
returns void
language sql volatile set search_path = '' as $$
  delete from public.slides s where s.id = slide_id
$$;

revoke execute on function public.take_bulletin_snapshot(date), public.list_bulletin_snapshots(text, integer), public.save_slide(jsonb),
  public.list_slides(text), public.delete_slide(uuid) from public, anon;
grant execute on function public.take_bulletin_snapshot(date), public.list_bulletin_snapshots(text, integer), public.save_slide(jsonb),
  public.list_slides(text), public.delete_slide(uuid) to authenticated, service_role;
