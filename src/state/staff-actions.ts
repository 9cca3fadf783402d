/** Managing staff in a shared store (city admins: everyone; district admins: their district's street staff), and signing out. */
import type { StaffAssignment, StaffAuditEntry, StaffEntry } from '../data/auth';
import { endSession, staffPort } from './services';

export function listStaff(): Promise<StaffEntry[]> {
  return staffPort().list();
}

export function staffAudit(): Promise<StaffAuditEntry[]> {
  return staffPort().audit();
}

/** Approves a request or changes a staff member's role and area. */
export function assignStaff(userId: string, assignment: StaffAssignment): Promise<void> {
  return staffPort().assign(userId, assignment);
}

export function revokeStaff(userId: string): Promise<void> {
  return staffPort().revoke(userId);
}

export function rejectStaffRequest(userId: string): Promise<void> {
  return staffPort().reject(userId);
}

/** Ends the shared store's session (back to the sign-in screen); nothing in the embedded store. */
export function signOut(): void {
  endSession();
}
