-- The change feed: one data path for every client. Every change to a row the app shows advances one
-- monotonic sequence; `changes_since(after_seq, page_size)` returns what changed after a sequence
-- number, under the caller's row-level security, with deletions as tombstones. A client reads the
-- whole store once, then only follows the feed (its own writes, other tabs, other people).
--
-- The feed is compact: one row per (kind, row, district), holding the latest change only, so replaying
-- it from 0 rebuilds exactly the current state and it never grows beyond the tables it describes.
-- A row that moves to another district leaves a tombstone in the district it left.
--
-- Sequence numbers must be handed out in commit order, or a reader could pass a number whose
-- transaction commits later and miss it. The feed triggers take one transaction-level advisory lock
-- before drawing a number, so writers of the feed commit one after another (PGlite has one connection
-- anyway; the shared store's writes are short edits and imports).

create sequence private.feed_seq;

create table public.feed (
  kind text not null check (kind in ('enterprise', 'area', 'building', 'zone', 'organization', 'plan_item', 'bulletin_snapshot', 'slide')),
  row_id text not null,
  -- '' for rows that belong to no district (the embedded store's slides, unplaced enterprises).
  district_id text not null default '',
  seq bigint not null,
  deleted boolean not null default false,
  primary key (kind, row_id, district_id)
);
comment on table public.feed is 'The change feed: the latest change of every row the app shows, by sequence number; written by triggers only.';
create index feed_seq_idx on public.feed (seq);

alter table public.feed enable row level security;
create policy feed_select on public.feed for select to authenticated
  using ((select private.is_city()) or district_id = (select private.staff_district()));
revoke all on public.feed from anon, authenticated;
grant select on public.feed to authenticated;
grant all on public.feed to service_role;

-- The lock that orders the feed (see the header).
create function private.feed_lock() returns void
language sql volatile security definer set search_path = '' as $$
  select pg_catalog.pg_advisory_xact_lock(20261201001000)
$$;

-- One statement-level trigger function for every table: tg_argv names the kind a table feeds and the
-- column that names the row (link tables feed their parent: a plan item is read back with its members).
-- Transition tables are visible to dynamic SQL inside the trigger function.
create function private.feed_changed() returns trigger
language plpgsql volatile security definer set search_path = '' set enable_nestloop = off as $$
declare
  feed_kind text := tg_argv[0];
  key_column text := tg_argv[1];
  is_link boolean := tg_argv[1] <> 'id';
  upsert constant text := ' order by x.row_id on conflict (kind, row_id, district_id) do update set seq = excluded.seq, deleted = excluded.deleted';
begin
  perform private.feed_lock();
  if tg_op = 'UPDATE' then
    -- Rows that left a district leave a tombstone there (first: a row may come back in one statement).
    execute pg_catalog.format(
      'insert into public.feed as f (kind, row_id, district_id, seq, deleted)
       select %L, x.row_id, x.district_id, pg_catalog.nextval(''private.feed_seq''), true
       from (select distinct o.%I::text as row_id, coalesce(o.district_id, '''') as district_id from old_rows o
             where not exists (select 1 from new_rows n where n.%I = o.%I and n.district_id is not distinct from o.district_id)) x',
      feed_kind, key_column, key_column, key_column) || upsert;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    execute pg_catalog.format(
      'insert into public.feed as f (kind, row_id, district_id, seq, deleted)
       select %L, x.row_id, x.district_id, pg_catalog.nextval(''private.feed_seq''), false
       from (select distinct n.%I::text as row_id, coalesce(n.district_id, '''') as district_id from new_rows n) x',
      feed_kind, key_column) || upsert;
  else
    -- A deleted row is a tombstone; a deleted link changes its parent (reported deleted when the parent went too).
    execute pg_catalog.format(
      'insert into public.feed as f (kind, row_id, district_id, seq, deleted)
       select %L, x.row_id, x.district_id, pg_catalog.nextval(''private.feed_seq''), %L
       from (select distinct o.%I::text as row_id, coalesce(o.district_id, '''') as district_id from old_rows o) x',
      feed_kind, not is_link, key_column) || upsert;
  end if;
  return null;
end
$$;
revoke execute on function private.feed_lock(), private.feed_changed() from public, anon, authenticated;

do $$
declare
  t record;
begin
  for t in select * from (values
      ('enterprises', 'enterprise', 'id'), ('areas', 'area', 'id'), ('buildings', 'building', 'id'), ('zones', 'zone', 'id'),
      ('organizations', 'organization', 'id'), ('organization_enterprises', 'organization', 'organization_id'),
      ('plan_items', 'plan_item', 'id'), ('plan_item_enterprises', 'plan_item', 'plan_item_id'),
      ('bulletin_snapshots', 'bulletin_snapshot', 'id'), ('slides', 'slide', 'id')) as x(tbl, kind, key)
  loop
    execute pg_catalog.format('create trigger %I after insert on public.%I referencing new table as new_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_insert', t.tbl, t.kind, t.key);
    execute pg_catalog.format('create trigger %I after update on public.%I referencing old table as old_rows new table as new_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_update', t.tbl, t.kind, t.key);
    execute pg_catalog.format('create trigger %I after delete on public.%I referencing old table as old_rows for each statement execute function private.feed_changed(%L, %L)',
      t.tbl || '_feed_delete', t.tbl, t.kind, t.key);
  end loop;
end
$$;

-- What is already stored joins the feed, so a replay from 0 rebuilds a store made before this migration.
insert into public.feed (kind, row_id, district_id, seq)
select x.kind, x.row_id, coalesce(x.district_id, ''), pg_catalog.nextval('private.feed_seq')
from (
  select 'area' as kind, id as row_id, district_id from public.areas
  union all select 'building', id, district_id from public.buildings
  union all select 'zone', id, district_id from public.zones
  union all select 'organization', id, district_id from public.organizations
  union all select 'enterprise', id, district_id from public.enterprises
  union all select 'plan_item', id::text, district_id from public.plan_items
  union all select 'bulletin_snapshot', id::text, district_id from public.bulletin_snapshots
  union all select 'slide', id::text, district_id from public.slides
) x
order by x.kind, x.row_id
on conflict do nothing;

-- The row as the app reads it (the same shapes as the list_* functions), under the caller's RLS.
create function private.feed_row(kind text, row_id text) returns jsonb
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
  end
$$;
comment on function private.feed_row is 'One row of the feed as the app reads it; null when the caller may not see it.';

create function public.changes_since(after_seq bigint default 0, page_size integer default 1000)
returns table (seq bigint, kind text, id text, deleted boolean, data jsonb)
language sql stable set search_path = '' as $$
  with page as (
    select f.seq, f.kind, f.row_id, f.deleted from public.feed f
    where f.seq > coalesce(after_seq, 0)
    order by f.seq
    limit least(greatest(coalesce(page_size, 1000), 1), 10000)
  )
  select p.seq, p.kind, p.row_id, (p.deleted or d.data is null), case when p.deleted then null else d.data end
  from page p cross join lateral (select private.feed_row(p.kind, p.row_id) as data) d
  order by p.seq
$$;
comment on function public.changes_since is 'Rows changed after a sequence number, oldest first, one page (deleted: a tombstone, data null); the caller''s RLS applies.';

create function public.feed_head()
returns bigint
language sql stable set search_path = '' as $$
  select coalesce(pg_catalog.max(f.seq), 0) from public.feed f
$$;
comment on function public.feed_head is 'The newest sequence number the caller can see (0 when none): where a full read hands over to the feed.';

grant execute on function private.feed_row(text, text) to authenticated, service_role;
revoke execute on function private.feed_row(text, text) from public, anon;
revoke execute on function public.changes_since(bigint, integer), public.feed_head() from public, anon;
grant execute on function public.changes_since(bigint, integer), public.feed_head() to authenticated, service_role;
