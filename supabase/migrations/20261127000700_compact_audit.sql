-- A compact audit trail. Full rows as jsonb cost ~830 bytes per imported enterprise, four times the
-- row itself: a 200k-row import grew the audit table past 160 MB, and the embedded store keeps each
-- table file as one IndexedDB value, which Chromium caps at 128 MiB. Now an insert records only the
-- fact (who, when, which row: the row itself is the record), an update only the fields it changed
-- (old and new values), and an update that changes nothing is not recorded. Deletes keep the whole row.

create or replace function private.audit_inserted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  select (select auth.uid()), tg_table_name, n.id::text, n.district_id, 'insert', null, null from new_rows n;
  return null;
end
$$;

create or replace function private.audit_updated() returns trigger
-- Transition tables carry no statistics: without this the planner pairs old and new rows in a nested loop.
language plpgsql security definer set search_path = '' set enable_nestloop = off as $$
begin
  insert into public.audit_log (user_id, table_name, row_id, district_id, action, old_row, new_row)
  select (select auth.uid()), tg_table_name, d.id, d.district_id, 'update', d.old_row, d.new_row
  from (
    select n.id::text as id, n.district_id,
      (select pg_catalog.jsonb_object_agg(kv.key, kv.value) from pg_catalog.jsonb_each(j.o) kv
        where kv.key not in ('version', 'updated_at', 'updated_by') and kv.value is distinct from j.n -> kv.key) as old_row,
      (select pg_catalog.jsonb_object_agg(kv.key, kv.value) from pg_catalog.jsonb_each(j.n) kv
        where kv.key not in ('version', 'updated_at', 'updated_by') and kv.value is distinct from j.o -> kv.key) as new_row
    from new_rows n
    join old_rows o on o.id = n.id
    cross join lateral (select pg_catalog.to_jsonb(o) as o, pg_catalog.to_jsonb(n) as n) j
  ) d
  where d.new_row is not null;
  return null;
end
$$;
revoke execute on function private.audit_inserted(), private.audit_updated() from public, anon, authenticated;
