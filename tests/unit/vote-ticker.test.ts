import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Publisher } from '$lib/server/services/publisher';
import { VoteTicker } from '$lib/server/services/vote-ticker';

describe('coalescing vote counts', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('announces each item’s latest count once per tick', () => {
		const sent: unknown[] = [];
		const publisher: Publisher = { publish: (_a, _e, payload) => sent.push(payload), evict: () => {}, present: async () => false };
		const ticker = new VoteTicker(publisher, 50);
		for (let votes = 1; votes <= 100; votes++) ticker.counted('e', 'item-a', votes);
		ticker.counted('e', 'item-b', 3);
		expect(sent).toEqual([]);
		vi.advanceTimersByTime(50);
		// One message per event per tick, with every count that changed.
		expect(sent).toEqual([
			[
				{ submissionId: 'item-a', votes: 100 },
				{ submissionId: 'item-b', votes: 3 }
			]
		]);
		ticker.counted('e', 'item-a', 99);
		vi.advanceTimersByTime(50);
		expect(sent.at(-1)).toEqual([{ submissionId: 'item-a', votes: 99 }]);
		expect(sent).toHaveLength(2);
	});
});
