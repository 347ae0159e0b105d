/**
 * What became of an item after the day: the follow-up's life, as the plans report it to children.
 * open → in progress → fulfilled, or "cannot be done yet", which needs the reason and the proposed
 * way forward. Pure: no I/O.
 */
import { fail, ok, type Result } from './result';
import { normaliseText } from './submission';

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'fulfilled', 'cannot_yet'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_TEXT_MAX = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where each status may go next. A fulfilled follow-up is done; the others may still move. */
const NEXT: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
	open: ['in_progress', 'fulfilled', 'cannot_yet'],
	in_progress: ['in_progress', 'fulfilled', 'cannot_yet'],
	cannot_yet: ['in_progress', 'fulfilled', 'cannot_yet'],
	fulfilled: []
};

export function canMove(from: FollowUpStatus, to: FollowUpStatus): boolean {
	return NEXT[from].includes(to);
}

export interface FollowUpUpdateInput {
	status: string;
	response: string;
	reason: string;
	wayForward: string;
}

export interface FollowUpUpdate {
	status: FollowUpStatus;
	/** What the agency tells the children: required with every change. */
	response: string;
	/** Required for "cannot be done yet", empty otherwise. */
	reason: string;
	wayForward: string;
}

const clean = (text: string) => normaliseText(text);

/** Checks one change of a follow-up; nothing is stored unless all of it holds. */
export function validateFollowUpUpdate(current: FollowUpStatus, input: FollowUpUpdateInput): Result<FollowUpUpdate> {
	if (!(FOLLOW_UP_STATUSES as readonly string[]).includes(input.status)) return fail('invalid_payload');
	const status = input.status as FollowUpStatus;
	if (!canMove(current, status)) return fail('follow_up_closed');
	const [response, reason, wayForward] = [input.response, input.reason, input.wayForward].map(clean);
	if (!response) return fail('response_required');
	if ([response, reason, wayForward].some((text) => text.length > FOLLOW_UP_TEXT_MAX)) return fail('text_too_long');
	if (status === 'cannot_yet' && (!reason || !wayForward)) return fail('reason_required');
	return ok({ status, response, reason: status === 'cannot_yet' ? reason : '', wayForward: status === 'cannot_yet' ? wayForward : '' });
}

/** The default due date: the event's day (or now, if it has none) plus the event's follow-up days. */
export function defaultDueAt(eventStartsAt: number | null, followUpDays: number, now: number): number {
	return Math.max(eventStartsAt ?? now, now) + followUpDays * DAY_MS;
}

/** A due date typed as yyyy-mm-dd, at the end of that day (UTC+7, Vietnam's time zone). */
export function parseDueDate(text: string, now: number): Result<number> {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return fail('date_invalid');
	const dueAt = Date.UTC(+match[1], +match[2] - 1, +match[3], 23, 59, 59) - 7 * 60 * 60 * 1000;
	if (!Number.isFinite(dueAt)) return fail('date_invalid');
	if (dueAt < now) return fail('due_in_past');
	return ok(dueAt);
}

export function isOverdue(followUp: { status: FollowUpStatus; dueAt: number }, now: number): boolean {
	return followUp.status !== 'fulfilled' && followUp.dueAt < now;
}
