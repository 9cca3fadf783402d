-- Plan items as the planning workspace edits them: read back with their members, edited at a
-- version, members moved between items, and "挂牌销号": an item that becomes 已组建 (formed) creates its
-- organization and its enterprises count as covered; moving it back undoes exactly that.

alter table public.plan_item_enterprises add column prior_work_covered boolean;
comment on column public.plan_item_enterprises.prior_work_covered is 'The enterprise''s work_covered before a formed work-coverage item set it, to undo exactly.';

create function private.plan_item_org_id(item uuid)
returns text
language sql immutable set search_path = '' as $$
  select 'plan-' || item::text
$$;

create view public.plan_item_rows with (security_invoker = true) as
  select p.id::text as id, p.district_id, p.title, p.kind, p.level, p.status, p.owner, p.instructor, p.due_date, p.recommendation_id,
         p.version, p.updated_at,
         coalesce((select pg_catalog.array_agg(m.enterprise_id order by m.enterprise_id) from public.plan_item_enterprises m where m.plan_item_id = p.id), '{}') as enterprise_ids,
         case when p.geom is null then null else extensions.st_asgeojson(p.geom, 7)::jsonb end as geometry
  from public.plan_items p;
comment on view public.plan_item_rows is 'Plan items with their members and GeoJSON outline, as the repositories read them (row-level security of the caller applies).';
grant select on public.plan_item_rows to authenticated, service_role;

create function public.list_plan_items(after_id text default null, page_size integer default 1000)
returns setof public.plan_item_rows
language sql stable set search_path = '' as $$
  select * from public.plan_item_rows p
  where after_id is null or p.id > after_id
  order by p.id
  limit least(greatest(page_size, 1), 10000)
$$;
comment on function public.list_plan_items is 'Plan items with their enterprises, one page after after_id.';

-- Members of an item that is not formed are taken away from any other item that is not formed (a move).
create function private.set_plan_item_members(item uuid, district text, ids text[])
returns void
language plpgsql volatile set search_path = '' as $$
begin
  delete from public.plan_item_enterprises m
  using public.plan_items p
  where m.plan_item_id = p.id and p.id <> item and p.status <> 'formed' and m.enterprise_id = any (ids);
  delete from public.plan_item_enterprises m where m.plan_item_id = item and not (m.enterprise_id = any (ids));
  insert into public.plan_item_enterprises (plan_item_id, enterprise_id, district_id)
  select item, i, district from pg_catalog.unnest(ids) as i
  on conflict do nothing;
end
$$;

drop function public.create_plan_item(jsonb);
drop function public.set_plan_item_status(uuid, text, integer);

create function public.create_plan_item(item jsonb)
returns public.plan_item_rows
language plpgsql volatile set search_path = '' as $$
declare
  created public.plan_items;
  result public.plan_item_rows;
begin
  insert into public.plan_items (district_id, title, kind, level, owner, instructor, due_date, recommendation_id, geom, updated_by)
  values (item ->> 'district_id', coalesce(item ->> 'title', ''), item ->> 'kind', item ->> 'level', coalesce(item ->> 'owner', ''),
          coalesce(item ->> 'instructor', ''), (item ->> 'due_date')::date, item ->> 'recommendation_id',
          case when item ? 'geometry' and item -> 'geometry' <> 'null'::jsonb
               then extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson((item -> 'geometry')::text), 4326)) end,
          (select auth.uid()))
  returning * into created;
  perform private.set_plan_item_members(created.id, created.district_id,
    array(select pg_catalog.jsonb_array_elements_text(coalesce(item -> 'enterprise_ids', '[]'::jsonb))));
  select * into result from public.plan_item_rows r where r.id = created.id::text;
  return result;
end
$$;
comment on function public.create_plan_item is 'Creates a plan item (拟建) with the enterprises it would cover, moving them out of other unformed items.';

create function public.update_plan_item(item uuid, patch jsonb, expected_version integer)
returns public.plan_item_rows
language plpgsql volatile set search_path = '' as $$
declare
  result public.plan_items;
  read_back public.plan_item_rows;
begin
  update public.plan_items p set
    title = coalesce(patch ->> 'title', p.title),
    kind = coalesce(patch ->> 'kind', p.kind),
    level = case when patch ? 'level' then patch ->> 'level' else p.level end,
    owner = coalesce(patch ->> 'owner', p.owner),
    instructor = coalesce(patch ->> 'instructor', p.instructor),
    due_date = case when patch ? 'due_date' then (patch ->> 'due_date')::date else p.due_date end,
    geom = case when not patch ? 'geometry' then p.geom
                when patch -> 'geometry' = 'null'::jsonb then null
                else extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson((patch -> 'geometry')::text), 4326)) end,
    version = p.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where p.id = item and p.version = expected_version
  returning * into result;
  if not found then
    if exists (select 1 from public.plan_items p where p.id = item) then
      raise exception 'PT409: plan item % was changed by someone else', item using errcode = 'PT409';
    end if;
    raise exception 'PT404: plan item % not found', item using errcode = 'PT404';
  end if;
  if patch ? 'enterprise_ids' then
    if result.status = 'formed' then
      raise exception 'the members of a formed plan item cannot change; move it back to 组建中 first' using errcode = '22023';
    end if;
    perform private.set_plan_item_members(item, result.district_id,
      array(select pg_catalog.jsonb_array_elements_text(patch -> 'enterprise_ids')));
  end if;
  select * into read_back from public.plan_item_rows r where r.id = item::text;
  return read_back;
end
$$;
comment on function public.update_plan_item is 'Edits a plan item (title, kind, owner, instructor, due date, geometry, members) at its version; a stale version is refused.';

create function public.delete_plan_item(item uuid, expected_version integer)
returns void
language plpgsql volatile set search_path = '' as $$
begin
  delete from public.plan_items p where p.id = item and p.version = expected_version and p.status <> 'formed';
  if not found then
    if exists (select 1 from public.plan_items p where p.id = item and p.status = 'formed') then
      raise exception 'a formed plan item cannot be deleted; move it back to 组建中 first' using errcode = '22023';
    elsif exists (select 1 from public.plan_items p where p.id = item) then
      raise exception 'PT409: plan item % was changed by someone else', item using errcode = 'PT409';
    end if;
    raise exception 'PT404: plan item % not found', item using errcode = 'PT404';
  end if;
end
$$;

-- 挂牌销号: forming → formed creates the organization and covers the members; formed → forming undoes it.
create function private.apply_formed_plan_item(item public.plan_items, formed boolean)
returns void
language plpgsql volatile set search_path = '' as $$
declare
  org text := private.plan_item_org_id(item.id);
begin
  if item.kind = 'work_coverage' then
    if formed then
      update public.plan_item_enterprises m set prior_work_covered = e.work_covered
      from public.enterprises e where m.plan_item_id = item.id and e.id = m.enterprise_id;
      update public.enterprises e set work_covered = true, version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
      from public.plan_item_enterprises m where m.plan_item_id = item.id and e.id = m.enterprise_id and not e.work_covered;
    else
      update public.enterprises e set work_covered = false, version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
      from public.plan_item_enterprises m
      where m.plan_item_id = item.id and e.id = m.enterprise_id and m.prior_work_covered = false and e.work_covered;
    end if;
    return;
  end if;
  if formed then
    insert into public.organizations (id, district_id, name, level, form, instructor)
    values (org, item.district_id, item.title, coalesce(item.level, 'branch'),
            case item.kind when 'standalone' then 'standalone' when 'association_branch' then 'association'
                           when 'building_community' then 'building' when 'joint_branch' then 'area' else 'business_district' end,
            item.instructor);
    insert into public.organization_enterprises (organization_id, enterprise_id, district_id)
    select org, m.enterprise_id, m.district_id from public.plan_item_enterprises m where m.plan_item_id = item.id;
    update public.enterprises e set org_id = org, version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
    from public.plan_item_enterprises m
    where m.plan_item_id = item.id and e.id = m.enterprise_id and coalesce(e.org_id, '') = '';
  else
    update public.enterprises e set org_id = null, version = e.version + 1, updated_at = now(), updated_by = (select auth.uid())
    where e.org_id = org;
    delete from public.organizations o where o.id = org;
  end if;
end
$$;

create function public.set_plan_item_status(item uuid, new_status text, expected_version integer)
returns public.plan_item_rows
language plpgsql volatile set search_path = '' as $$
declare
  current_row public.plan_items;
  result public.plan_items;
  read_back public.plan_item_rows;
begin
  select * into current_row from public.plan_items p where p.id = item;
  if not found then
    raise exception 'PT404: plan item % not found', item using errcode = 'PT404';
  end if;
  if current_row.version <> expected_version then
    raise exception 'PT409: plan item % was changed by someone else (version % now, % expected)', item, current_row.version, expected_version
      using errcode = 'PT409';
  end if;
  if not ((current_row.status, new_status) in (('proposed', 'forming'), ('forming', 'formed'), ('forming', 'proposed'), ('formed', 'forming'))) then
    raise exception 'cannot move a plan item from % to %', current_row.status, new_status using errcode = '22023';
  end if;
  update public.plan_items p set status = new_status, version = p.version + 1, updated_at = now(), updated_by = (select auth.uid())
  where p.id = item and p.version = expected_version
  returning * into result;
  if not found then
    raise exception 'PT409: plan item % was changed by someone else', item using errcode = 'PT409';
  end if;
  if new_status = 'formed' then
    perform private.apply_formed_plan_item(result, true);
  elsif current_row.status = 'formed' then
    perform private.apply_formed_plan_item(result, false);
  end if;
  select * into read_back from public.plan_item_rows r where r.id = item::text;
  return read_back;
end
$$;
comment on function public.set_plan_item_status is 'Moves a plan item one step (拟建 → 组建中 → 已组建, or back one step); 已组建 creates its organization and covers its enterprises; refuses a stale version.';

revoke execute on function private.plan_item_org_id(uuid), private.set_plan_item_members(uuid, text, text[]),
  private.apply_formed_plan_item(public.plan_items, boolean) from public, anon;
grant execute on function private.plan_item_org_id(uuid), private.set_plan_item_members(uuid, text, text[]),
  private.apply_formed_plan_item(public.plan_items, boolean) to authenticated, service_role;
revoke execute on function public.list_plan_items(text, integer), public.create_plan_item(jsonb), public.update_plan_item(uuid, jsonb, integer),
  public.set_plan_item_status(uuid, text, integer), public.delete_plan_item(uuid, integer) from public, anon;
grant execute on function public.list_plan_items(text, integer), public.create_plan_item(jsonb), public.update_plan_item(uuid, jsonb, integer),
  public.set_plan_item_status(uuid, text, integer), public.delete_plan_item(uuid, integer) to authenticated, service_role;
