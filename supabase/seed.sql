-- Local seed for `supabase db reset`: staff accounts for trying the policies. The demo enterprises
-- are loaded by the app (embedded store) or with `lianjian` into a real project, not from here.
insert into public.staff (user_id, name, role, district_id) values
  ('00000000-0000-4000-8000-000000000001', '市委组织部（示例）', 'city', null),
  ('00000000-0000-4000-8000-000000000103', '下城区委组织部（示例）', 'district', '330103')
on conflict (user_id) do nothing;
