/**
 * A stand-in for Supabase Auth (GoTrue), used only by tests: never shipped, never started by the app.
 * Supabase Auth is a Go server that cannot run on these machines (no Docker, Go too old), so the
 * tests speak to this small in-memory HTTP endpoint instead, through supabase-js's own auth client.
 * It follows the documented `/auth/v1` API as supabase-js 2 (auth-js) calls it:
 *
 *   POST /signup                         { email, password, data }            → session (auto-confirm)
 *   POST /token?grant_type=password      { email, password }                  → session
 *   POST /token?grant_type=refresh_token { refresh_token }                    → session (rotated)
 *   POST /otp                            { email | phone, create_user, data } → {} (the 6-digit code: `codes`, by email or phone)
 *   POST /verify                         { email, token, type: 'email' }      → session
 *                                        { phone, token, type: 'sms' }        → session (what the Send SMS hook would have sent)
 *   GET  /user                           Authorization: Bearer <access token> → user
 *   POST /logout?scope=global|local|others                                    → 204
 *
 * Errors carry `X-Supabase-Api-Version: 2024-01-01` and `{ code, message }`, as Auth answers them.
 * Access tokens are HS256 JWTs signed with the PostgREST secret (claims as Auth issues them: sub, role,
 * aud, email, session_id, app_metadata, user_metadata, aal, amr), so PostgREST accepts them and
 * `auth.uid()` in the database is the user's id.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, randomBytes, randomInt, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { JWT_SECRET, signJwt } from '../db/postgrest';

interface StandInUser {
  id: string;
  email: string;
  passwordHash: string | null;
  userMetadata: Record<string, unknown>;
  createdAt: string;
  lastSignInAt: string | null;
}

interface StandInSession {
  id: string;
  userId: string;
  revoked: boolean;
}

export interface GoTrueStandIn {
  /** `http://127.0.0.1:<port>/auth/v1` */
  url: string;
  /** The last one-time code sent to each email (what Auth would put in the email). */
  codes: Map<string, string>;
  /** Seconds an access token lives (default 3600; tests shorten it to exercise refresh). */
  setAccessTokenLifetime(seconds: number): void;
  /** Ends every session of a user, as an admin signing them out everywhere would: their refresh tokens stop working. */
  endSessions(email: string): void;
  stop(): Promise<void>;
}

const API_VERSION = '2024-01-01';

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [salt, hash] = stored.split(':');
  const candidate = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(candidate, Buffer.from(hash, 'hex'));
}

/** A user who signed in with an SMS code is kept under their number. */
const isPhone = (u: StandInUser) => /^\+?\d{6,15}$/.test(u.email);

class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function startGoTrueStandIn(port: number, options: { secret?: string; log?: (line: string) => void } = {}): Promise<GoTrueStandIn> {
  const secret = options.secret ?? JWT_SECRET;
  const log = options.log ?? ((line: string) => console.log(`[gotrue stand-in] ${line}`));
  const users = new Map<string, StandInUser>(); // by email
  const sessions = new Map<string, StandInSession>();
  const refreshTokens = new Map<string, { sessionId: string; used: boolean }>();
  const codes = new Map<string, string>();
  let lifetime = 3600;

  const userJson = (u: StandInUser) => ({
    id: u.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: isPhone(u) ? '' : u.email,
    email_confirmed_at: u.createdAt,
    phone: isPhone(u) ? u.email : '',
    confirmed_at: u.createdAt,
    last_sign_in_at: u.lastSignInAt,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: u.userMetadata,
    identities: [],
    created_at: u.createdAt,
    updated_at: u.lastSignInAt ?? u.createdAt,
    is_anonymous: false,
  });

  const issue = (u: StandInUser, method: 'password' | 'otp', sessionId?: string) => {
    const now = Math.floor(Date.now() / 1000);
    u.lastSignInAt = new Date().toISOString();
    const session = sessionId ? sessions.get(sessionId)! : { id: randomUUID(), userId: u.id, revoked: false };
    sessions.set(session.id, session);
    const refresh = randomBytes(16).toString('base64url');
    refreshTokens.set(refresh, { sessionId: session.id, used: false });
    const accessToken = signJwt(
      {
        iss: 'gotrue-stand-in', sub: u.id, aud: 'authenticated', role: 'authenticated', email: isPhone(u) ? '' : u.email, phone: isPhone(u) ? u.email : '',
        iat: now, exp: now + lifetime, session_id: session.id, is_anonymous: false, aal: 'aal1',
        amr: [{ method, timestamp: now }], app_metadata: { provider: 'email', providers: ['email'] }, user_metadata: u.userMetadata,
      },
      secret,
    );
    return { access_token: accessToken, token_type: 'bearer', expires_in: lifetime, expires_at: now + lifetime, refresh_token: refresh, user: userJson(u) };
  };

  const userById = (id: string) => [...users.values()].find((u) => u.id === id);

  /** The signed-in user and session of a request (as Auth: a valid JWT whose session still exists). */
  const authenticated = (req: IncomingMessage): { user: StandInUser; session: StandInSession } => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const [header, body, signature] = token.split('.');
    const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
    if (!header || !body || !signature || signature !== expected) throw new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub?: string; exp?: number; session_id?: string };
    if (!claims.exp || claims.exp < Date.now() / 1000) throw new AuthError(403, 'bad_jwt', 'invalid JWT: token is expired');
    const session = claims.session_id ? sessions.get(claims.session_id) : undefined;
    if (!session || session.revoked) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    const user = claims.sub ? userById(claims.sub) : undefined;
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user, session };
  };

  const handle = async (req: IncomingMessage, body: Record<string, unknown>): Promise<{ status: number; json?: unknown }> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname.replace(/^\/auth\/v1/, '');
    const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
    // Phone users are kept under their number (they have no email); the user object carries the phone.
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : phone;
    if (req.method === 'POST' && path === '/signup') {
      if (!email || typeof body.password !== 'string') throw new AuthError(400, 'validation_failed', 'Signup requires a valid password');
      if (body.password.length < 6) throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.');
      if (users.has(email)) throw new AuthError(422, 'user_already_exists', 'User already registered');
      const user: StandInUser = { id: randomUUID(), email, passwordHash: hashPassword(body.password), userMetadata: (body.data as Record<string, unknown>) ?? {},
        createdAt: new Date().toISOString(), lastSignInAt: null };
      users.set(email, user);
      log(`signup ${email} → ${user.id}`);
      return { status: 200, json: issue(user, 'password') };
    }
    if (req.method === 'POST' && path === '/token') {
      const grant = url.searchParams.get('grant_type');
      if (grant === 'password') {
        const user = users.get(email);
        if (!user || !passwordMatches(String(body.password ?? ''), user.passwordHash)) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
        return { status: 200, json: issue(user, 'password') };
      }
      if (grant === 'refresh_token') {
        const entry = refreshTokens.get(String(body.refresh_token ?? ''));
        const session = entry ? sessions.get(entry.sessionId) : undefined;
        if (!entry || !session || session.revoked) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        if (entry.used) {
          // Reuse of a rotated token: Auth revokes the whole session.
          session.revoked = true;
          throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
        }
        entry.used = true;
        return { status: 200, json: issue(userById(session.userId)!, 'password', session.id) };
      }
      throw new AuthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported by the stand-in`);
    }
    if (req.method === 'POST' && path === '/otp') {
      if (!email) throw new AuthError(400, 'validation_failed', 'An email address or phone number is required');
      if (!users.has(email)) {
        if (body.create_user === false) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
        users.set(email, { id: randomUUID(), email, passwordHash: null, userMetadata: (body.data as Record<string, unknown>) ?? {},
          createdAt: new Date().toISOString(), lastSignInAt: null });
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      codes.set(email, code);
      log(`otp for ${email}: ${code}`);
      return { status: 200, json: {} };
    }
    if (req.method === 'POST' && path === '/verify') {
      const user = users.get(email);
      const types = phone ? ['sms'] : ['email', 'signup', 'magiclink'];
      if (!user || !types.includes(String(body.type)) || codes.get(email) !== body.token) {
        throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
      }
      codes.delete(email);
      return { status: 200, json: issue(user, 'otp') };
    }
    if (req.method === 'GET' && path === '/user') {
      return { status: 200, json: userJson(authenticated(req).user) };
    }
    if (req.method === 'POST' && path === '/logout') {
      const { user, session } = authenticated(req);
      const scope = url.searchParams.get('scope') ?? 'global';
      for (const s of sessions.values()) {
        if (s.userId !== user.id) continue;
        if (scope === 'local' && s.id !== session.id) continue;
        if (scope === 'others' && s.id === session.id) continue;
        s.revoked = true;
      }
      return { status: 204 };
    }
    throw new AuthError(404, 'not_found', `${req.method} ${path} is not part of the stand-in`);
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, json?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'X-Supabase-Api-Version': API_VERSION, 'Access-Control-Allow-Origin': '*' });
        res.end(json === undefined ? undefined : JSON.stringify(json));
      };
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
      } catch {
        reply(400, { code: 'bad_json', message: 'Could not parse request body as JSON' });
        return;
      }
      handle(req, body).then(
        (r) => reply(r.status, r.json),
        (e: unknown) => {
          if (e instanceof AuthError) reply(e.status, { code: e.code, error_code: e.code, message: e.message, msg: e.message });
          else reply(500, { code: 'unexpected_failure', message: String(e) });
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/auth/v1`,
    codes,
    setAccessTokenLifetime: (seconds) => {
      lifetime = seconds;
    },
    endSessions: (email) => {
      const user = users.get(email.trim().toLowerCase());
      for (const s of sessions.values()) if (user && s.userId === user.id) s.revoked = true;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
