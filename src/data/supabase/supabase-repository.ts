/** The Supabase engine: supabase-js calling the same SQL functions through PostgREST. The only importer of supabase-js. */
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createRpcRepository } from '../rpc-repository';
import type { Repository } from '../repository';

export function createSupabaseRepository(client: SupabaseClient): Repository {
  return createRpcRepository({
    kind: 'supabase',
    // PostgREST caps the rows of one response (Supabase: max_rows = 1,000).
    returnsFullPages: false,
    async rpc(name, args) {
      const { data, error } = await client.rpc(name, args);
      if (error) throw Object.assign(new Error(error.message), { code: error.code, details: error.details });
      if (data === null || data === undefined) return [];
      return (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
    },
  });
}

export function connectSupabase(url: string, anonKey: string, options?: SupabaseClientOptions<'public'>): SupabaseClient {
  return createClient(url, anonKey, options);
}
