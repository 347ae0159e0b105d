import { normaliseJoinCode, isPlausibleJoinCode, type EventDetails } from '$lib/domain/event';
import type { ServiceDeps } from './deps';

export function createEventService({ repos }: ServiceDeps) {
	return {
		/** Unknown or malformed codes both answer null: the page says "no such forum" either way. */
		async findByJoinCode(input: string): Promise<EventDetails | null> {
			const code = normaliseJoinCode(input);
			return isPlausibleJoinCode(code) ? repos.events.findByCode(code) : null;
		},
		async findByDisplayKey(displayKey: string): Promise<EventDetails | null> {
			return /^[A-Za-z0-9_-]{16,64}$/.test(displayKey) ? repos.events.findByDisplayKey(displayKey) : null;
		},
		findById: (id: string) => repos.events.findById(id)
	};
}

export type EventService = ReturnType<typeof createEventService>;
