import { describe, expect, it } from 'vitest';
import { loadOutbox, updateOutbox, type OutboxEntry } from '$lib/client/outbox';

class MemoryStorage {
	#items = new Map<string, string>();
	getItem = (key: string) => this.#items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.#items.set(key, value);
	removeItem = (key: string) => void this.#items.delete(key);
}

const entry = (id: string): OutboxEntry => ({ id, kind: 'question', topicId: 't', agencyId: null, text: id, queuedAt: 1 });
const KEY = 'dd_outbox:e:p';

describe('the phone outbox', () => {
	it('keeps what two tabs of one child queued, and removes only what was sent', () => {
		const storage = new MemoryStorage() as unknown as Storage;
		const tabA = updateOutbox(storage, KEY, { add: entry('a') });
		const tabB = updateOutbox(storage, KEY, { add: entry('b') });
		expect(tabA.map((e) => e.id)).toEqual(['a']);
		expect(tabB.map((e) => e.id)).toEqual(['a', 'b']);

		// Tab A sends its item: tab B's unsent one must survive.
		expect(updateOutbox(storage, KEY, { remove: 'a' }).map((e) => e.id)).toEqual(['b']);
		expect(loadOutbox(storage, KEY).map((e) => e.id)).toEqual(['b']);
	});

	it('stores a resent draft once', () => {
		const storage = new MemoryStorage() as unknown as Storage;
		updateOutbox(storage, KEY, { add: entry('a') });
		expect(updateOutbox(storage, KEY, { add: entry('a') })).toHaveLength(1);
	});

	it('survives storage it cannot read', () => {
		const storage = new MemoryStorage() as unknown as Storage;
		storage.setItem(KEY, '{not json');
		expect(loadOutbox(storage, KEY)).toEqual([]);
		expect(loadOutbox(undefined, KEY)).toEqual([]);
	});
});
