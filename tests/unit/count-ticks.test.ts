import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tickCadence } from '$lib/server/cluster/count-funnel';
import type { Repositories } from '$lib/server/repositories';
import { createAnnouncer, JOIN_COUNT_TICK_MS, type CountKinds, type CountMarks } from '$lib/server/services/announcer';
import { gatherer } from '$lib/server/services/coalesce';
import type { Publisher } from '$lib/server/services/publisher';
import { VOTE_TICK_MS } from '$lib/server/services/vote-ticker';

describe('gathering what changed, per event', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('announces every key marked in a tick once, per group, and nothing after closing', async () => {
		const announced: [string, string[]][] = [];
		const gathering = gatherer(50, (group, keys) => void announced.push([group, keys.sort()]));
		for (let i = 0; i < 100; i++) gathering.soon('event-1', i % 2 ? 'item-a' : 'item-b');
		gathering.soon('event-2', 'item-c');
		expect(announced).toEqual([]);
		await vi.advanceTimersByTimeAsync(50);
		expect(announced).toEqual([
			['event-1', ['item-a', 'item-b']],
			['event-2', ['item-c']]
		]);
		gathering.soon('event-1', 'item-a');
		gathering.close();
		await vi.advanceTimersByTimeAsync(100);
		expect(announced).toHaveLength(2);
	});
});

describe('the tick owner’s cadence', () => {
	it('drains votes every tick, poll tallies every second tick and join counts every fourth', () => {
		const cadence = tickCadence({ votes: { tickMs: VOTE_TICK_MS }, polls: { tickMs: 100 }, joins: { tickMs: JOIN_COUNT_TICK_MS } });
		expect(cadence.baseMs).toBe(50);
		expect([0, 1, 2, 3, 4].map(cadence.due)).toEqual([['votes', 'polls', 'joins'], ['votes'], ['votes', 'polls'], ['votes'], ['votes', 'polls', 'joins']]);
	});
});

describe('the announcer with a count funnel', () => {
	it('marks votes, answers and joins for the tick owner instead of publishing them', async () => {
		const published: string[] = [];
		const publisher: Publisher = { publish: (_a, event, ..._payload) => void published.push(event), evict: () => {}, present: async () => false };
		const marks: [string, string, string][] = [];
		let kinds: CountKinds | null = null;
		const funnel = (given: CountKinds): CountMarks => {
			kinds = given;
			return { mark: async (kind, eventId, key) => void marks.push([kind, eventId, key]), flush: async () => {}, close: async () => {} };
		};
		const announcer = createAnnouncer({} as Repositories, publisher, funnel);
		await announcer.announce({ type: 'votes:changed', eventId: 'e', submissionId: 'item', votes: 7 });
		await announcer.announce({ type: 'poll:answered', eventId: 'e', pollId: 'poll' });
		await announcer.announce({ type: 'participant:joined', eventId: 'e' });
		expect(marks).toEqual([
			['votes', 'e', 'item'],
			['polls', 'e', 'poll'],
			['joins', 'e', 'e']
		]);
		expect(published).toEqual([]);
		expect(Object.entries(kinds!).map(([kind, { tickMs }]) => [kind, tickMs])).toEqual([
			['votes', 50],
			['polls', 100],
			['joins', 200]
		]);
	});
});
