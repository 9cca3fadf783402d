/** Who works in an embedded store (kept apart from the store so the page can name them without loading PGlite). */
export interface LocalUser {
  id: string;
  role: 'city' | 'district';
  districtId: string | null;
  name: string;
}

/** The single user of an embedded store: city-level, sees everything. */
export const LOCAL_CITY_USER: LocalUser = { id: '00000000-0000-4000-8000-000000000001', role: 'city', districtId: null, name: '本机用户' };
