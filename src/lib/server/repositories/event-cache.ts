import type { EventDetails } from '$lib/domain/event';

/**
 * An event's setup is read on every join, sync and screen update and changes a few times a year:
 * both engines' event repositories keep it in memory, by id and by code, and drop it whenever they
 * write the event. (Across processes another process's write must drop it too: the scale-out work
 * adds that here, once for both engines.)
 */
export function createEventCache() {
	const byId = new Map<string, EventDetails>();
	const byCode = new Map<string, string>();
	return {
		byId: (id: string) => byId.get(id),
		byCode: (code: string) => {
			const id = byCode.get(code);
			return id === undefined ? undefined : byId.get(id);
		},
		remember(details: EventDetails | null) {
			if (details) {
				byId.set(details.id, details);
				byCode.set(details.code, details.id);
			}
			return details;
		},
		forget(eventId: string) {
			byId.delete(eventId);
			for (const [code, id] of byCode) if (id === eventId) byCode.delete(code);
		}
	};
}
