/**
 * A stand-in for Supabase Realtime, used only by tests and `npm run start:shared`: never shipped.
 * Realtime is an Elixir server that cannot run here (no Docker); this speaks the part of its documented
 * protocol (https://supabase.com/docs/guides/realtime/protocol, Phoenix channels; realtime-js's default
 * serializer vsn 2.0.0, whose text frames are JSON arrays [join_ref, ref, topic, event, payload]) that the
 * app uses:
 *
 *   phx_join      { config: { broadcast, presence: { key, enabled }, private }, access_token }
 *                 → phx_reply ok, or error "Unauthorized: …" when the token is invalid or expired, or when
 *                 the channel is private and row-level security on realtime.messages refuses the user
 *                 (checked in PostgreSQL as Realtime does: a message row is written and read back as the
 *                 user with realtime.topic() set, inside a transaction that is rolled back);
 *                 then presence_state to the joiner
 *   heartbeat     (topic phoenix) → phx_reply ok
 *   access_token  { access_token } → the channel keeps the new token (checked again)
 *   presence      { type: 'presence', event: 'track' | 'untrack', payload } → phx_reply ok; presence_diff
 *                 to every member (writing presence needs the insert policy); leaving or closing untracks
 *   phx_leave     → phx_reply ok
 *   broadcast (server → client) { type: 'broadcast', event, payload }: whatever the database sends with
 *                 realtime.send(payload, event, topic, private) — on this machine a function of that name
 *                 is installed that NOTIFYs this process (hosted Supabase has its own), so the feed
 *                 trigger of 20261201001200 wakes `district:<code>` and `city` on commit.
 *
 * Two ways in: `transport` is a WebSocket-like class for supabase-js's `realtime.transport` option (an
 * in-process loopback, no network); `listen(port)` serves real WebSockets at /realtime/v1/websocket for a
 * browser. Not covered: postgres_changes, client broadcasts, binary frames, rate limits, Realtime's own
 * JWT claims checks beyond signature and expiry.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { WebSocketServer, type WebSocket as WsSocket } from 'ws';
import { JWT_SECRET } from '../db/postgrest';

type Frame = [string | null, string | null, string, string, unknown];

interface Member {
  session: Session;
  topic: string;
  joinRef: string;
  key: string;
  isPrivate: boolean;
  claims: Claims;
  tracked: Record<string, unknown> | null;
  presenceRef: string | null;
}

interface Claims {
  sub?: string;
  role?: string;
  exp?: number;
  [k: string]: unknown;
}

interface Session {
  send(frame: Frame): void;
  members: Map<string, Member>;
}

export interface RealtimeStandIn {
  /** For supabase-js: `createClient(url, key, { realtime: { transport: standIn.transport } })`. */
  transport: new (url: string) => LoopbackSocket;
  /** Serves real WebSockets at ws://127.0.0.1:<port>/realtime/v1/websocket. */
  listen(port: number): Promise<void>;
  /** Everything received and sent, as [direction, topic, event] (for tests). */
  log: [string, string, string][];
  /** Sends a broadcast as realtime.send would (tests; the database normally does it). */
  broadcast(topic: string, event: string, payload: unknown): void;
  stop(): Promise<void>;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/** The client's end of an in-process socket: the subset of WebSocket that realtime-js uses. */
export class LoopbackSocket {
  static CONNECTING = CONNECTING;
  static OPEN = OPEN;
  static CLOSING = 2;
  static CLOSED = CLOSED;
  readyState = CONNECTING;
  binaryType = 'arraybuffer';
  protocol = '';
  extensions = '';
  bufferedAmount = 0;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  /** Set by the stand-in: where this socket's frames go. */
  deliver: ((text: string) => void) | null = null;
  closed: (() => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string | ArrayBuffer): void {
    if (this.readyState !== OPEN) return;
    if (typeof data !== 'string') return; // client broadcasts (binary) are not part of the stand-in
    const text = data;
    queueMicrotask(() => this.deliver?.(text));
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.closed?.();
    queueMicrotask(() => this.onclose?.({ code, reason, wasClean: true }));
  }

  /** From the stand-in to the client. */
  receive(text: string): void {
    if (this.readyState === OPEN) queueMicrotask(() => this.onmessage?.({ data: text }));
  }

  addEventListener(type: string, listener: (e: never) => void): void {
    (this as unknown as Record<string, unknown>)[`on${type}`] = listener;
  }

  removeEventListener(): void {}
}

function verify(token: string | undefined, secret: string): Claims | string {
  if (!token) return 'no access token';
  const [header, body, signature] = token.split('.');
  if (!header || !body || createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url') !== signature) return 'invalid JWT signature';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims;
  if (!claims.exp || claims.exp < Date.now() / 1000) return 'Token has expired';
  return claims;
}

export async function startRealtimeStandIn(adminPgUrl: string, options: { secret?: string } = {}): Promise<RealtimeStandIn> {
  const secret = options.secret ?? JWT_SECRET;
  const log: [string, string, string][] = [];
  const sessions = new Set<Session>();
  const db = new pg.Client({ connectionString: adminPgUrl });
  await db.connect();
  // Where Supabase's realtime.send exists the feed trigger calls it; this one wakes the stand-in on commit.
  await db.query(`create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void
    language sql volatile set search_path = '' as $f$
      select pg_catalog.pg_notify('lianjian_realtime', pg_catalog.json_build_object('payload', payload, 'event', event, 'topic', topic, 'private', private)::text)
    $f$`);
  await db.query('listen lianjian_realtime');

  /** Row-level security on realtime.messages as the user: may they read (and write presence on) this topic? */
  const authorize = async (claims: Claims, topic: string, extension: 'broadcast' | 'presence', write: boolean): Promise<boolean> => {
    const check = new pg.Client({ connectionString: adminPgUrl });
    await check.connect();
    try {
      await check.query('begin');
      await check.query(`insert into realtime.messages (topic, extension, event, private) values ($1, $2, 'check', true)`, [topic, extension]);
      await check.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('realtime.topic', $2, true)`,
        [JSON.stringify(claims), topic]);
      const read = await check.query(`select count(*)::integer as n from realtime.messages m where m.topic = $1 and m.extension = $2`, [topic, extension]);
      if (read.rows[0].n === 0) return false;
      if (write) await check.query(`insert into realtime.messages (topic, extension, event, private) values ($1, $2, 'track', true)`, [topic, extension]);
      return true;
    } catch {
      return false;
    } finally {
      await check.query('rollback').catch(() => undefined);
      await check.end();
    }
  };

  const broadcastTo = (topic: string, event: string, payload: unknown, privateOnly: boolean | null) => {
    for (const session of sessions) {
      for (const m of session.members.values()) {
        if (m.topic !== `realtime:${topic}` || (privateOnly !== null && m.isPrivate !== privateOnly)) continue;
        log.push(['out', topic, `broadcast ${event}`]);
        session.send([m.joinRef, null, m.topic, 'broadcast', { type: 'broadcast', event, payload }]);
      }
    }
  };

  db.on('notification', (n) => {
    if (n.channel !== 'lianjian_realtime' || !n.payload) return;
    const message = JSON.parse(n.payload) as { payload: unknown; event: string; topic: string; private: boolean };
    broadcastTo(message.topic, message.event, message.payload, message.private);
  });

  const presenceOf = (m: Member) => ({ [m.key]: { metas: [{ phx_ref: m.presenceRef, ...m.tracked }] } });
  const membersOf = (topic: string) => [...sessions].flatMap((s) => [...s.members.values()].filter((m) => m.topic === topic));
  const diff = (topic: string, joins: Record<string, unknown>, leaves: Record<string, unknown>) => {
    for (const m of membersOf(topic)) {
      log.push(['out', topic, `presence_diff +${Object.keys(joins).length} -${Object.keys(leaves).length}`]);
      m.session.send([m.joinRef, null, topic, 'presence_diff', { joins, leaves }]);
    }
  };
  const untrack = (m: Member) => {
    if (!m.tracked) return;
    const leaves = presenceOf(m);
    m.tracked = null;
    m.presenceRef = null;
    diff(m.topic, {}, leaves);
  };

  const handle = async (session: Session, [joinRef, ref, topic, event, payload]: Frame) => {
    log.push(['in', topic, event === 'presence' ? `presence ${String((payload as { event?: string })?.event)}` : event]);
    const reply = (status: 'ok' | 'error', response: Record<string, unknown> = {}) => session.send([joinRef, ref, topic, 'phx_reply', { status, response }]);
    const body = (payload ?? {}) as Record<string, unknown>;
    if (topic === 'phoenix' && event === 'heartbeat') return reply('ok');
    if (event === 'phx_join') {
      const config = (body.config ?? {}) as { presence?: { key?: string }; private?: boolean };
      const claims = verify(body.access_token as string | undefined, secret);
      if (typeof claims === 'string') return reply('error', { reason: `Unauthorized: ${claims}` });
      const subtopic = topic.replace(/^realtime:/, '');
      if (config.private && !(await authorize(claims, subtopic, 'broadcast', false))) {
        return reply('error', { reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${subtopic}` });
      }
      const member: Member = {
        session, topic, joinRef: joinRef ?? '', key: config.presence?.key || randomUUID(), isPrivate: !!config.private, claims, tracked: null, presenceRef: null,
      };
      session.members.set(topic, member);
      reply('ok', {});
      const state = Object.assign({}, ...membersOf(topic).filter((m) => m.tracked).map(presenceOf));
      session.send([member.joinRef, null, topic, 'presence_state', state]);
      return;
    }
    const member = session.members.get(topic);
    if (!member) return reply('error', { reason: 'unmatched topic' });
    if (event === 'access_token') {
      const claims = verify(body.access_token as string | undefined, secret);
      if (typeof claims === 'string') {
        session.members.delete(topic);
        untrack(member);
        session.send([member.joinRef, null, topic, 'system', { status: 'error', message: claims, extension: 'system', channel: topic.replace(/^realtime:/, '') }]);
        return session.send([member.joinRef, null, topic, 'phx_close', {}]);
      }
      member.claims = claims;
      return;
    }
    if (event === 'presence') {
      if (body.event === 'untrack') {
        untrack(member);
        return reply('ok');
      }
      if (member.isPrivate && !(await authorize(member.claims, topic.replace(/^realtime:/, ''), 'presence', true))) {
        return reply('error', { reason: 'Unauthorized: You do not have permissions to write to this Channel topic' });
      }
      const leaves = member.tracked ? presenceOf(member) : {};
      member.tracked = (body.payload ?? {}) as Record<string, unknown>;
      member.presenceRef = randomUUID();
      reply('ok');
      return diff(topic, presenceOf(member), leaves);
    }
    if (event === 'phx_leave') {
      session.members.delete(topic);
      untrack(member);
      return reply('ok');
    }
    return reply('ok');
  };

  const open = (send: (text: string) => void): { session: Session; receive: (text: string) => void; close: () => void } => {
    const session: Session = { send: (frame) => send(JSON.stringify(frame)), members: new Map() };
    sessions.add(session);
    // One connection's messages are handled in order, as a Phoenix channel process does.
    let queue: Promise<void> = Promise.resolve();
    return {
      session,
      receive: (text) => {
        queue = queue.then(() => handle(session, JSON.parse(text) as Frame)).catch(() => undefined);
      },
      close: () => {
        sessions.delete(session);
        for (const m of session.members.values()) untrack(m);
        session.members.clear();
      },
    };
  };

  class Transport extends LoopbackSocket {
    constructor(url: string) {
      super(url);
      const end = open((text) => this.receive(text));
      this.deliver = end.receive;
      this.closed = end.close;
      queueMicrotask(() => {
        this.readyState = OPEN;
        this.onopen?.({});
      });
    }
  }

  let http: Server | null = null;
  let wss: WebSocketServer | null = null;
  return {
    transport: Transport,
    log,
    broadcast: (topic, event, payload) => broadcastTo(topic, event, payload, null),
    listen: (port) => new Promise<void>((resolve, reject) => {
      http = createServer((_req, res) => res.writeHead(404).end());
      wss = new WebSocketServer({ server: http, path: '/realtime/v1/websocket' });
      wss.on('connection', (socket: WsSocket) => {
        const end = open((text) => socket.readyState === socket.OPEN && socket.send(text));
        socket.on('message', (data) => end.receive(String(data)));
        socket.on('close', end.close);
      });
      http.once('error', reject);
      http.listen(port, '127.0.0.1', () => resolve());
    }),
    stop: async () => {
      for (const s of [...sessions]) for (const m of s.members.values()) untrack(m);
      sessions.clear();
      wss?.close();
      await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
      await db.query('unlisten lianjian_realtime').catch(() => undefined);
      await db.query('drop function if exists realtime.send(jsonb, text, text, boolean)').catch(() => undefined);
      await db.end();
    },
  };
}
