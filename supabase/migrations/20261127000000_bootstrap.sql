-- What hosted Supabase already provides, created only where it is absent (Debian PostgreSQL in CI,
-- the embedded PGlite): the API roles, the `extensions` schema with PostGIS, and auth.uid() /
-- auth.jwt() / auth.role() reading the request's JWT claims as PostgREST sets them.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists extensions;
create extension if not exists postgis with schema extensions;

do $$
begin
  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'auth') then
    create schema auth;
    grant usage on schema auth to anon, authenticated, service_role;
  end if;
  if not exists (
    select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'jwt'
  ) then
    create function auth.jwt() returns jsonb language sql stable set search_path = '' as $f$
      select coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), ''), '{}')::jsonb
    $f$;
    create function auth.uid() returns uuid language sql stable set search_path = '' as $f$
      select nullif(auth.jwt() ->> 'sub', '')::uuid
    $f$;
    create function auth.role() returns text language sql stable set search_path = '' as $f$
      select auth.jwt() ->> 'role'
    $f$;
    grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
  end if;
end
$$;

grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
