-- The suite means nothing if it runs with rights that bypass row-level security.
begin;
set search_path = public, extensions;
select plan(4);
select is((select rolsuper from pg_roles where rolname = current_user), false, 'the tests do not run as a superuser');
select is((select rolbypassrls from pg_roles where rolname = current_user), false, 'the tests do not run as a role that bypasses RLS');
select is((select count(*)::integer from pg_tables where schemaname = 'public' and tableowner = current_user), 0, 'the tests do not run as a table owner');
select is((select pg_catalog.array_agg(tablename::text) from pg_tables where schemaname = 'public' and not rowsecurity), null, 'every table in public has row-level security');
select * from finish();
rollback;
