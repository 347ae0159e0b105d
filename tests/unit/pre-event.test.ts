import { describe, expect, it } from 'vitest';
import { isOpen, preEventOverview, type PreEventItem } from '$lib/domain/pre-event';

const lists = {
	topics: [
		{ id: 't1', name: 'Học tập' },
		{ id: 't2', name: 'Giao thông' }
	],
	agencies: [{ id: 'a1', name: 'Phòng GD&ĐT' }],
	delegations: [
		{ id: 'd1', name: 'Xã A' },
		{ id: 'd2', name: 'Xã B' }
	]
};
const item = (over: Partial<PreEventItem>): PreEventItem => ({
	id: crypto.randomUUID(),
	kind: 'question',
	topicId: 't1',
	agencyId: 'a1',
	delegationId: 'd1',
	text: 'x',
	status: 'pending',
	originLabel: null,
	...over
});

describe('items sent before the day', () => {
	it('closes at the deadline, else when the forum starts, else stays open', () => {
		expect(isOpen({ deadline: 1000, limit: 6, openToAgencies: false }, 5000, 999)).toBe(true);
		expect(isOpen({ deadline: 1000, limit: 6, openToAgencies: false }, 5000, 1000)).toBe(false);
		expect(isOpen({ deadline: null, limit: 6, openToAgencies: false }, 5000, 4999)).toBe(true);
		expect(isOpen({ deadline: null, limit: 6, openToAgencies: false }, 5000, 5000)).toBe(false);
		expect(isOpen({ deadline: null, limit: 6, openToAgencies: false }, null, 10 ** 13)).toBe(true);
	});

	it('groups by topic and agency, counts per delegation, and leaves out danger and withdrawn items', () => {
		const overview = preEventOverview(
			[
				item({}),
				item({ topicId: 't2', agencyId: null }),
				item({ status: 'safeguarding' }),
				item({ status: 'withdrawn' }),
				item({ delegationId: 'd2', originLabel: 'Diễn đàn xã C' })
			],
			lists
		);
		expect(overview.byTopic.map((g) => [g.topic.name, g.items.length])).toEqual([
			['Học tập', 2],
			['Giao thông', 1]
		]);
		expect(overview.byAgency.map((g) => [g.agency?.name ?? null, g.items.length])).toEqual([
			['Phòng GD&ĐT', 2],
			[null, 1]
		]);
		// Forwarded items are listed but are not the delegation's own sending.
		expect(overview.byDelegation.map((d) => [d.delegation.name, d.items])).toEqual([
			['Xã A', 2],
			['Xã B', 0]
		]);
	});
});
