/**
 * One staff guard for every route: "signed in" (else to /login), "may do X on event Y" (else 404:
 * not theirs and not existing look the same, so nobody learns which event ids exist), and one
 * mapping from a service's refusal code to an HTTP status for form actions.
 */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { ErrorCode } from '$lib/domain/result';
import type { StaffAction } from '$lib/domain/staff';
import type { SignedInStaff } from '../services/staff-auth-service';
import { forumApp } from '../runtime';

export function signedIn(locals: App.Locals): SignedInStaff {
	if (!locals.staff) redirect(303, '/login');
	return locals.staff;
}

/** The event for a page that needs `action` on it, with the signed-in staff member and the app. */
export async function staffEvent(locals: App.Locals, action: StaffAction, eventId: string) {
	const staff = signedIn(locals);
	const app = await forumApp();
	const event = await app.reads.eventFor(staff.actor, action, eventId);
	if (!event) error(404, { message: 'unknown_event' });
	return { app, staff, actor: staff.actor, event };
}

/** A page shown only when a check passes; 404 otherwise, as for an event that is not theirs. */
export function notFoundUnless(allowed: unknown, message = 'unknown_event'): asserts allowed {
	if (!allowed) error(404, { message });
}

/** How a refusal reads over HTTP. A page hides what is not yours with 404; a form action says 403. */
export function statusOf(code: ErrorCode | string): number {
	return STATUS[code] ?? 400;
}

const STATUS: Partial<Record<ErrorCode | string, number>> = {
	forbidden: 403,
	link_invalid: 404,
	// The database cannot store anything now (a full disk, a lock held too long): try again later.
	forum_unavailable: 503,
	seat_used: 409,
	setup_done: 409,
	rate_limited: 429,
	too_many_attempts: 429
};

/** A refused form action: the status for its code, and the code for the page to translate. */
export function refused(code: ErrorCode | string): ActionFailure<{ error: string }>;
export function refused<T extends object>(code: ErrorCode | string, extra: T): ActionFailure<{ error: string } & T>;
export function refused(code: ErrorCode | string, extra: object = {}) {
	return fail(statusOf(code), { error: code, ...extra });
}
