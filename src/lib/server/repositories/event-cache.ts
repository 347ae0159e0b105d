import type { EventDetails } from '$lib/domain/event';

/**
 * What the rest of the server sees of a repository's event cache: whoever shares the cache with
 * other processes (cluster/event-changes.ts) hears of this process's writes and drops the entries
 * that another process's write made stale.
 */
export interface SharedEventCache {
	/** Called with the event's id after this process changed its setup. */
	onWritten(listener: (eventId: string) => void): void;
	/** Another process changed the event: the next read goes to the database. */
	drop(eventId: string): void;
	/** Changes may have been missed (the link to the other processes was down): forget everything. */
	clear(): void;
}

/**
 * An event's setup is read on every join, sync and screen update and changes a few times a year:
 * both engines' event repositories keep it in memory, by id and by code, and drop it whenever they
 * write the event. With several processes, another process's write drops it too (`drop`, through
 * Redis). A read that was already under way when an entry was dropped is not remembered
 * (`generation`): otherwise the setup read just before a change could be kept after it.
 */
export function createEventCache() {
	const byId = new Map<string, EventDetails>();
	const byCode = new Map<string, string>();
	const listeners: ((eventId: string) => void)[] = [];
	let generation = 0;
	const drop = (eventId: string) => {
		generation++;
		byId.delete(eventId);
		for (const [code, id] of byCode) if (id === eventId) byCode.delete(code);
	};
	return {
		byId: (id: string) => byId.get(id),
		byCode: (code: string) => {
			const id = byCode.get(code);
			return id === undefined ? undefined : byId.get(id);
		},
		/** Taken before a read from the database, and handed to `remember` with its result. */
		generation: () => generation,
		remember(details: EventDetails | null, readSince: number) {
			if (details && readSince === generation) {
				byId.set(details.id, details);
				byCode.set(details.code, details.id);
			}
			return details;
		},
		/** Before this repository writes the event. */
		forget: drop,
		/** After this repository wrote the event: other processes drop their copy too. */
		written(eventId: string) {
			drop(eventId);
			for (const listener of listeners) listener(eventId);
		},
		shared: {
			onWritten: (listener) => void listeners.push(listener),
			drop,
			clear() {
				generation++;
				byId.clear();
				byCode.clear();
			}
		} satisfies SharedEventCache
	};
}

export type EventCache = ReturnType<typeof createEventCache>;
