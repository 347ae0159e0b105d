import { fail, type ErrorCode, type Result } from '$lib/domain/result';
import type { StaffActor } from '$lib/domain/staff';
import type { AuditEntry, Repositories } from '../repositories';
import type { ServiceDeps } from './deps';

/** Refusals of one kind from nobody signed in, stored one row each per window; the rest only counted. */
export const UNAUTHENTICATED_SAMPLES = 3;
export const AUDIT_WINDOW_MS = 60_000;
/** Distinct kinds counted per window; beyond, everything folds into one overflow count. */
const MAX_KINDS_PER_WINDOW = 100;

interface Window {
	start: number;
	kinds: Map<string, { count: number; summary: Promise<number> | null }>;
}

/**
 * Refusals from nobody signed in (forged cookies, cross-site forms, forged links, guessed
 * usernames) cost an attacker nothing: each one a row would let anyone grow the log without end.
 * They are counted per (kind, reason, event, minute): the first few are stored as they are, as
 * samples, then one more row carries the window's count ("form ×250") and is updated in place.
 * One window state per database, shared by every service's trail.
 *
 * With several processes (REDIS_URL) each keeps its own windows, on purpose: a kind then gets at
 * most processes × (samples + one count row) rows a minute, still a bound, and the organiser
 * reads the counts added up. Sharing the window through Redis would put a round trip on every
 * refused request, which is what a flood sends most of, and would need the count row's id passed
 * between processes, to tighten a bound that holds already.
 */
const windows = new WeakMap<Repositories, Window>();

export function sampledRefusal(repos: Repositories, entry: AuditEntry) {
	const windowStart = entry.at - (entry.at % AUDIT_WINDOW_MS);
	let window = windows.get(repos);
	if (!window || window.start !== windowStart) {
		window = { start: windowStart, kinds: new Map() };
		windows.set(repos, window);
	}
	// The kind is the action's first word ('form', 'session', 'login', a command name): paths and
	// usernames the attacker chooses stay in the samples, never in the key.
	let kind = entry.action.split(' ', 1)[0].slice(0, 40);
	let key = `${kind}\u0000${entry.detail.split(' ', 1)[0]}\u0000${entry.eventId ?? ''}`;
	if (!window.kinds.has(key) && window.kinds.size >= MAX_KINDS_PER_WINDOW) {
		kind = '*';
		key = '*';
	}
	const counted = window.kinds.get(key) ?? { count: 0, summary: null };
	window.kinds.set(key, counted);
	counted.count += 1;
	if (counted.count <= UNAUTHENTICATED_SAMPLES) return repos.audit.record(entry).then(() => undefined);
	const action = `${kind} ×${counted.count}`;
	if (!counted.summary) {
		counted.summary = repos.audit.record({ ...entry, action, eventId: key === '*' ? null : entry.eventId });
		return counted.summary.then(() => undefined);
	}
	const summary = counted.summary;
	return summary.then((id) => repos.audit.setAction(id, `${kind} ×${counted.count}`));
}

/**
 * Records staff actions and refusals for the organiser. A refusal is returned as the failure it
 * records, so a service refuses and logs in one line. A refusal with no signed-in actor is
 * sampled and counted (`sampledRefusal`); one by a staff member is always stored.
 */
export function auditTrail({ repos, now }: Pick<ServiceDeps, 'repos' | 'now'>) {
	return {
		async refused(
			actor: StaffActor | null,
			action: string,
			eventId: string | null,
			code: ErrorCode,
			by?: string
		): Promise<Result<never>> {
			const entry = { at: now(), eventId, userId: actor?.userId ?? null, action, outcome: 'refused' as const, detail: code };
			if (actor) await repos.audit.record(entry);
			else await sampledRefusal(repos, entry);
			return fail(code, by);
		},
		async done(actor: StaffActor, action: string, eventId: string | null, detail = '') {
			await repos.audit.record({ at: now(), eventId, userId: actor.userId, action, outcome: 'done', detail });
		}
	};
}

export type AuditTrail = ReturnType<typeof auditTrail>;
