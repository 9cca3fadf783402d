-- The detail panel edits every six-clears field, the credit code included (its uniqueness is the
-- register's unique index; a duplicate is refused with 23505).

create or replace function public.update_enterprise(target text, patch jsonb, expected_version integer)
returns public.enterprise_rows
language plpgsql volatile set search_path = '' as $$
declare
  changed text;
  result public.enterprise_rows;
begin
  update public.enterprises e set
    name = coalesce(patch ->> 'name', e.name),
    address = coalesce(patch ->> 'address', e.address),
    credit_code = case when patch ? 'credit_code' then nullif(patch ->> 'credit_code', '') else e.credit_code end,
    employees = case when patch ? 'employees' then (patch ->> 'employees')::integer else e.employees end,
    party_members = case when patch ? 'party_members' then (patch ->> 'party_members')::integer else e.party_members end,
    probationary_members = case when patch ? 'probationary_members' then (patch ->> 'probationary_members')::integer else e.probationary_members end,
    registered_capital = case when patch ? 'registered_capital' then (patch ->> 'registered_capital')::numeric else e.registered_capital end,
    industry = coalesce(patch ->> 'industry', e.industry),
    status = coalesce(patch ->> 'status', e.status),
    owner_is_member = case when patch ? 'owner_is_member' then (patch ->> 'owner_is_member')::boolean else e.owner_is_member end,
    org_id = case when patch ? 'org_id' then nullif(patch ->> 'org_id', '') else e.org_id end,
    work_covered = coalesce((patch ->> 'work_covered')::boolean, e.work_covered),
    district_id = coalesce(patch ->> 'district_id', e.district_id),
    version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where e.id = target and e.version = expected_version
  returning e.id into changed;
  if changed is null then
    if exists (select 1 from public.enterprises e where e.id = target) then
      raise exception 'PT409: enterprise % was changed by someone else (expected version %)', target, expected_version using errcode = 'PT409';
    end if;
    raise exception 'PT404: enterprise % not found', target using errcode = 'PT404';
  end if;
  select * into result from public.enterprise_rows r where r.id = changed;
  return result;
end
$$;
comment on function public.update_enterprise is 'Edits an enterprise if it is still at the expected version (optimistic locking); a stale edit is refused.';
