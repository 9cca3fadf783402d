/**
 * Signing in to a shared store, as the UI sees it (no supabase-js types): the Supabase adapter is
 * `src/data/supabase/supabase-auth.ts`. The database decides who may do what (staff roles, RLS); this
 * only says who is signed in and whether they have a staff row yet.
 */
export type StaffRole = 'city' | 'district' | 'street';

export interface StaffMember {
  userId: string;
  name: string;
  role: StaffRole;
  districtId: string | null;
  streetId: string | null;
  isAdmin: boolean;
}

export interface StaffRequest {
  name: string;
  districtId: string | null;
  streetId: string | null;
  note: string;
  status: 'pending' | 'approved' | 'rejected';
}

export interface Whoami {
  userId: string;
  email: string;
  staff: StaffMember | null;
  request: StaffRequest | null;
}

/** An error to show: `code` is Auth's error code or the database's SQLSTATE. */
export class AuthFailure extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

export interface AuthPort {
  /** The signed-in user (null when signed out); a kept session is restored and refreshed. */
  current(): Promise<Whoami | null>;
  signInWithPassword(email: string, password: string): Promise<void>;
  signUp(email: string, password: string): Promise<void>;
  sendEmailCode(email: string): Promise<void>;
  verifyEmailCode(email: string, code: string): Promise<void>;
  /** SMS one-time codes: only where the project enables a phone provider (Send SMS hook for Chinese providers). */
  readonly phoneEnabled: boolean;
  sendPhoneCode(phone: string): Promise<void>;
  verifyPhoneCode(phone: string, code: string): Promise<void>;
  /** Districts and streets by name, for the request (a user without a staff row reads no areas otherwise). */
  areaChoices(): Promise<{ id: string; name: string; level: 'district' | 'street'; parentId: string | null }[]>;
  requestAccess(request: { name: string; districtId: string | null; streetId: string | null; note: string; email: string }): Promise<void>;
  signOut(): Promise<void>;
  /** Called when the session ends without signOut (refresh failed, signed out in another tab). */
  onSessionEnded(listener: () => void): () => void;
  /** Staff management and names, for the signed-in staff member. */
  readonly staff: StaffPort;
  /** Wake-ups and presence over Realtime. */
  readonly live: LivePort;
}

/** One person a reviewer may manage: a staff member, a sign-up request, or both (approved from a request). */
export interface StaffEntry {
  userId: string;
  name: string;
  email: string;
  /** null: not (or no longer) staff — a request only. */
  role: StaffRole | null;
  districtId: string | null;
  streetId: string | null;
  isAdmin: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  request: { status: StaffRequest['status']; districtId: string | null; streetId: string | null; note: string; at: string | null } | null;
}

export interface StaffAssignment {
  role: StaffRole;
  districtId: string | null;
  streetId: string | null;
  isAdmin: boolean;
  name?: string | null;
}

/** One audited change to staff or requests: who (actor) did what to whom (target), when, old → new. */
export interface StaffAuditEntry {
  id: number;
  at: string;
  table: 'staff' | 'staff_requests';
  action: 'insert' | 'update' | 'delete';
  actorId: string | null;
  actorName: string;
  targetId: string;
  targetName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Managing staff (city admins: everyone; district admins: their district's street staff), through the database's RPCs. */
export interface StaffPort {
  list(): Promise<StaffEntry[]>;
  assign(target: string, assignment: StaffAssignment): Promise<void>;
  revoke(target: string): Promise<void>;
  reject(target: string): Promise<void>;
  audit(): Promise<StaffAuditEntry[]>;
  /** Names of staff members in the caller's scope (others are left out). */
  names(ids: string[]): Promise<Map<string, string>>;
}

/** Someone else on the same channel: who, and which plan item they are editing (a soft lock). */
export interface PresentPerson {
  userId: string;
  name: string;
  editing: string | null;
}

export interface LiveHandlers {
  /** The database's wake-up: something changed (pull the feed). */
  onWake(seq: number | null): void;
  onPresence(people: PresentPerson[]): void;
  /** true once subscribed, false when the channel is refused, closed or times out (polling carries on). */
  onStatus(live: boolean, detail?: string): void;
}

export interface LiveHandle {
  /** Says what this user is editing (null: nothing) to the others on the channel. */
  editing(planItemId: string | null): void;
  /**
   * Also present (presence only, no wake-ups) on these channels: the city on every district's, so that a
   * soft lock crosses between the city and a district (each is on its own channel otherwise).
   */
  alsoPresentOn(topics: readonly string[]): void;
  stop(): Promise<void>;
}

/** Realtime: the private channel of the user's district (`district:<code>`) or `city`. */
export interface LivePort {
  follow(topic: string, me: { userId: string; name: string }, handlers: LiveHandlers): LiveHandle;
}
