import { describe, expect, it } from 'vitest';
import { sortFeed, upsert } from '$lib/domain/feed';
import type { SubmissionView } from '$lib/domain/submission';
import { refuseVote } from '$lib/domain/vote';

describe('refuseVote', () => {
	const voter = { id: 'p1', eventId: 'e1' };
	const item = { eventId: 'e1', participantId: 'p2', public: true };

	it('allows a vote on another child’s visible item', () => {
		expect(refuseVote(item, voter)).toBeNull();
	});

	it('refuses missing, foreign, hidden and own items', () => {
		expect(refuseVote(null, voter)).toBe('unknown_submission');
		expect(refuseVote({ ...item, eventId: 'e2' }, voter)).toBe('unknown_submission');
		expect(refuseVote({ ...item, public: false }, voter)).toBe('unknown_submission');
		expect(refuseVote({ ...item, participantId: 'p1' }, voter)).toBe('own_submission');
	});
});

const item = (id: string, votes: number, createdAt: number): SubmissionView => ({
	id,
	kind: 'question',
	topicId: 't',
	agencyId: null,
	delegationId: 'd',
	text: id,
	authorName: null,
	status: 'approved',
	votes,
	createdAt,
	rejectionReason: null,
	answerSummary: null
});

describe('sortFeed', () => {
	const list = [item('a', 1, 10), item('b', 5, 20), item('c', 1, 30)];

	it('sorts by votes, newest first among equals', () => {
		expect(sortFeed(list, 'votes').map((s) => s.id)).toEqual(['b', 'c', 'a']);
	});

	it('sorts by newest', () => {
		expect(sortFeed(list, 'newest').map((s) => s.id)).toEqual(['c', 'b', 'a']);
	});

	it('does not reorder the list it was given', () => {
		sortFeed(list, 'votes');
		expect(list.map((s) => s.id)).toEqual(['a', 'b', 'c']);
	});
});

describe('upsert', () => {
	it('never shows an item twice when the ack and the broadcast both arrive', () => {
		const once = upsert([], item('a', 0, 1));
		const twice = upsert(once, { ...item('a', 0, 1), votes: 3 });
		expect(twice).toHaveLength(1);
		expect(twice[0].votes).toBe(3);
	});
});
