-- The change feed: RLS applies (district A never sees B's changes or tombstones), order, paging,
-- deletions as tombstones, moves between districts, links feeding their parent, and a replay from 0
-- rebuilding exactly what a full read gives.
begin;
set search_path = public, extensions;
\ir _fixtures.psql
select plan(24);

create temp table seen (who text, seq bigint, kind text, id text, deleted boolean, data jsonb);
grant all on seen to public;

-- Reads the whole feed after `after` as `who`, `size` rows a page, into `seen`.
create function pg_temp.read_feed(who text, after bigint, size integer) returns integer language plpgsql as $$
declare
  cursor_seq bigint := after;
  got integer;
  total integer := 0;
begin
  loop
    perform pg_temp.act_as(who);
    insert into seen select who, c.seq, c.kind, c.id, c.deleted, c.data from public.changes_since(cursor_seq, size) c;
    get diagnostics got = row_count;
    perform set_config('role', 'tester', true);
    exit when got = 0;
    total := total + got;
    select max(s.seq) into cursor_seq from seen s where s.who = read_feed.who;
  end loop;
  perform pg_temp.act_as(who);
  return total;
end
$$;

-- The fixture rows are in the feed: A sees its own rows only.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select ok((select count(*) from public.changes_since(0, 10000) where id = 'ent-A') = 1, 'district A sees its enterprise in the feed');
select is((select count(*)::integer from public.changes_since(0, 10000) where id in ('ent-B', 'org-B', 'bld-B', 'zone-B', '330104', '330104001')), 0, 'district A sees none of district B''s rows in the feed');
select is((select count(*)::integer from public.changes_since(0, 10000) c where c.kind = 'plan_item' and c.data ->> 'district_id' = '330104'), 0, 'nor B''s plan items');

-- B's edits and deletions stay invisible to A; A's head does not move.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
create temp table heads as select public.feed_head() as a_head;
select pg_temp.act_as('bbbbbbbb-0000-4000-8000-00000000000b');
update public.enterprises set name = '乙公司（更名）' where id = 'ent-B';
delete from public.plan_items where id = 'bbbbbbbb-1111-4000-8000-00000000000b';
select ok((select deleted from public.changes_since(0, 10000) where id = 'bbbbbbbb-1111-4000-8000-00000000000b'), 'district B sees its own deletion as a tombstone');
select is((select data from public.changes_since(0, 10000) where id = 'bbbbbbbb-1111-4000-8000-00000000000b'), null, 'a tombstone carries no row');
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select is((select count(*)::integer from public.changes_since((select a_head from heads), 10000)), 0, 'district A sees neither B''s edit nor B''s tombstone');
select is(public.feed_head(), (select a_head from heads), 'district A''s head does not move when B writes');

-- A's own edit comes back once, with a newer number and the new values.
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select lives_ok($$select public.update_enterprise('ent-A', '{"employees": 55}'::jsonb, 1)$$, 'district A edits its enterprise');
select results_eq(
  $$select kind, id, deleted, (data ->> 'employees')::integer from public.changes_since((select a_head from heads), 10000)$$,
  $$values ('enterprise'::text, 'ent-A'::text, false, 55)$$, 'the feed holds exactly the edited row, with its new values');
select ok(public.feed_head() > (select a_head from heads), 'the head moved past the old one');

-- A link feeds its parent: changing a plan item's members brings the item back with its members.
select public.update_plan_item('aaaaaaaa-1111-4000-8000-00000000000a', '{"enterprise_ids": ["ent-A", "ent-A2"]}'::jsonb, 1);
select is((select data -> 'enterprise_ids' from public.changes_since((select a_head from heads), 10000) where kind = 'plan_item'),
  '["ent-A", "ent-A2"]'::jsonb, 'a plan item whose members changed comes back with them');

-- 已组建 in one call: the item, its new organization and its covered enterprises all arrive in the feed.
update heads set a_head = public.feed_head();
select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'forming', 2);
select public.set_plan_item_status('aaaaaaaa-1111-4000-8000-00000000000a', 'formed', 3);
select is((select array_agg(kind || ':' || id order by kind, id) from public.changes_since((select a_head from heads), 10000)),
  array['enterprise:ent-A', 'organization:plan-aaaaaaaa-1111-4000-8000-00000000000a', 'plan_item:aaaaaaaa-1111-4000-8000-00000000000a'],
  'forming a plan item feeds the item, its organization and the enterprise it newly covers');

-- Order and paging: numbers strictly increase, and reading two rows a page gives the same rows as one read.
select pg_temp.act_as('cccccccc-0000-4000-8000-00000000000c');
select is((select count(*)::integer from (select seq, lag(seq) over (order by seq) as prev from public.changes_since(0, 10000)) x where x.prev >= x.seq), 0,
  'feed numbers strictly increase');
select is(pg_temp.read_feed('cccccccc-0000-4000-8000-00000000000c', 0, 2), (select count(*)::integer from public.changes_since(0, 10000)),
  'paging two rows at a time reads every row once');
select is((select count(*)::integer from seen where who = 'cccccccc-0000-4000-8000-00000000000c'),
  (select count(distinct (kind, id))::integer from seen where who = 'cccccccc-0000-4000-8000-00000000000c'), 'no row comes twice in one replay');
select is((select count(*)::integer from public.changes_since(0, 3)), 3, 'a page holds at most page_size rows');

-- A replay from 0 rebuilds exactly what a full read gives, as the city and as district A.
select set_eq(
  $$select data from seen where who = 'cccccccc-0000-4000-8000-00000000000c' and kind = 'enterprise' and not deleted$$,
  $$select to_jsonb(r) from public.list_enterprises(null, 10000) r$$, 'city: replaying the feed gives the enterprises of a full read');
select set_eq(
  $$select data from seen where who = 'cccccccc-0000-4000-8000-00000000000c' and kind = 'plan_item' and not deleted$$,
  $$select to_jsonb(r) from public.list_plan_items(null, 10000) r$$, 'city: replaying the feed gives the plan items of a full read');
select set_eq(
  $$select data - 'kind' - 'floors' - 'level' - 'parent_id' from seen where who = 'cccccccc-0000-4000-8000-00000000000c' and kind in ('area', 'building', 'zone') and not deleted$$,
  $$select jsonb_strip_nulls(to_jsonb(r)) - 'kind' - 'floors' - 'level' - 'parent_id' from (select * from public.list_places('areas', null, 10000) union all select * from public.list_places('buildings', null, 10000) union all select * from public.list_places('zones', null, 10000)) r$$,
  'city: replaying the feed gives the places of a full read');
select is(pg_temp.read_feed('aaaaaaaa-0000-4000-8000-00000000000a', 0, 3) > 0, true, 'district A replays its feed');
select set_eq(
  $$select data from seen where who = 'aaaaaaaa-0000-4000-8000-00000000000a' and kind = 'enterprise' and not deleted$$,
  $$select to_jsonb(r) from public.list_enterprises(null, 10000) r$$, 'district A: replaying the feed gives the enterprises of its full read');

-- A row that moves to another district leaves a tombstone in the district it left.
reset role;
set local role service_role;
update public.enterprises set district_id = '330104', street_id = '330104001' where id = 'ent-A3';
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-00000000000a');
select ok((select deleted from public.changes_since(0, 10000) where id = 'ent-A3'), 'district A sees the enterprise that left it as a tombstone');

-- Nobody but the triggers writes the feed, and anon cannot read it.
select throws_ok($$insert into public.feed (kind, row_id, seq) values ('enterprise', 'forged', 1)$$, '42501', null, 'staff cannot write the feed');
select pg_temp.act_as('anon');
select throws_ok($$select * from public.changes_since(0, 10)$$, '42501', null, 'anon cannot read the feed');

select * from finish();
rollback;
