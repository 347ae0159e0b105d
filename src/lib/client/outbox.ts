import type { SubmitSubmissionInput } from '$lib/realtime/protocol';

/** An item the child sent that the server has not confirmed yet. Survives reloads. */
export interface OutboxEntry extends SubmitSubmissionInput {
	queuedAt: number;
}

export const outboxKey = (eventId: string, participantId: string) => `dd_outbox:${eventId}:${participantId}`;

export function loadOutbox(storage: Storage | undefined, key: string): OutboxEntry[] {
	try {
		const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
		return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
	} catch {
		return [];
	}
}

/**
 * Adds or removes one entry against what is stored now, not against this tab's copy, so two tabs
 * of the same child never erase each other's unsent items. Returns the stored list.
 */
export function updateOutbox(
	storage: Storage | undefined,
	key: string,
	change: { add: OutboxEntry } | { remove: string }
): OutboxEntry[] {
	const stored = loadOutbox(storage, key);
	const next =
		'add' in change
			? stored.some((e) => e.id === change.add.id)
				? stored
				: [...stored, change.add]
			: stored.filter((e) => e.id !== change.remove);
	saveOutbox(storage, key, next);
	return next;
}

function saveOutbox(storage: Storage | undefined, key: string, entries: OutboxEntry[]) {
	try {
		if (entries.length) storage?.setItem(key, JSON.stringify(entries));
		else storage?.removeItem(key);
	} catch {
		// Private mode or a full quota: the item still lives in memory until it is sent.
	}
}

export function toInput({ id, kind, topicId, agencyId, text }: OutboxEntry): SubmitSubmissionInput {
	return { id, kind, topicId, agencyId, text };
}
