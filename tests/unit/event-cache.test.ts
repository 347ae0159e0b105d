import { describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import { createEventCache } from '$lib/server/repositories/event-cache';

const setup = (title: string) => ({ id: 'e1', code: 'ABCDE', title }) as EventDetails;

describe('the event-setup cache', () => {
	it('does not keep a setup read before another process changed it (the read finishing after the drop)', () => {
		const cache = createEventCache();
		const since = cache.generation();
		// …the database read is under way when the change's message arrives:
		cache.shared.drop('e1');
		cache.remember(setup('old title'), since);
		expect(cache.byId('e1')).toBeUndefined();
		// The next read is kept.
		cache.remember(setup('new title'), cache.generation());
		expect(cache.byCode('ABCDE')?.title).toBe('new title');
	});

	it("tells whoever shares it of this process's writes, and forgets everything when changes may have been missed", () => {
		const cache = createEventCache();
		const written: string[] = [];
		cache.shared.onWritten((id) => written.push(id));
		cache.remember(setup('title'), cache.generation());
		cache.written('e1');
		expect(written).toEqual(['e1']);
		expect(cache.byId('e1')).toBeUndefined();
		cache.remember(setup('title'), cache.generation());
		cache.shared.clear();
		expect(cache.byId('e1')).toBeUndefined();
		expect(cache.byCode('ABCDE')).toBeUndefined();
	});
});
