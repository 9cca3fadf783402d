-- The rule profile is edited by city admins (issue 14 item 2; docs/domain "a city admin also approves
-- staff and edits the rule profile"). 20261201001100 could only say "city staff": the admin flag and
-- private.is_city_admin() arrive with 20261201001200. Everyone on staff still reads it.
alter policy rule_profiles_update on public.rule_profiles
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));

create or replace function public.save_rule_profile(rules jsonb, expected_version integer default null)
returns public.rule_profiles
language plpgsql volatile set search_path = '' as $$
declare
  problem text := private.rule_profile_problem(rules);
  result public.rule_profiles;
begin
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  if (select auth.uid()) is not null and not (select private.is_city_admin()) then
    raise exception 'only city admins edit the rule profile' using errcode = '42501';
  end if;
  update public.rule_profiles p set rules = save_rule_profile.rules, version = p.version + 1, updated_at = pg_catalog.now()
  where p.id = 'city' and (expected_version is null or p.version = expected_version)
  returning * into result;
  if not found then
    raise exception 'PT409: the rule profile was changed by someone else' using errcode = 'PT409';
  end if;
  return result;
end
$$;
comment on function public.save_rule_profile is 'City admins: replace the rule profile''s overrides, at its version (PT409 when stale, 22023 when invalid).';
