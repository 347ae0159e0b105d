/**
 * The event-setup cache across processes: a process that changes an event's setup says so on a
 * Redis channel (the event's id is enough), and every other process drops its copy. Messages
 * are not kept by Redis: whenever this process's subscription comes (back) up, it may have missed
 * some, so it drops its whole cache then; the writer's message is queued while its own link is
 * down and sent once it is back.
 */
import type { SharedEventCache } from '../repositories/event-cache';
import type { Cluster } from './cluster';

export const EVENT_CHANGED_CHANNEL = 'event-changed';

interface EventChanged {
	from: string;
	eventId: string;
}

export function shareEventCache(cluster: Cluster, cache: SharedEventCache) {
	cache.onWritten((eventId) => cluster.publish(EVENT_CHANGED_CHANNEL, JSON.stringify({ from: cluster.processId, eventId } satisfies EventChanged)));
	cluster.subscribe(
		EVENT_CHANGED_CHANNEL,
		(message) => {
			const change = parse(message);
			// This process's own write already dropped its copy.
			if (change && change.from !== cluster.processId) cache.drop(change.eventId);
		},
		() => cache.clear()
	);
}

function parse(message: string): EventChanged | null {
	try {
		const value = JSON.parse(message) as Partial<EventChanged>;
		return typeof value.eventId === 'string' && typeof value.from === 'string' ? (value as EventChanged) : null;
	} catch {
		return null;
	}
}
