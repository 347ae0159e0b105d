import { describe, expect, it } from 'vitest';
import { canTakeTheStage, ITEM_ACTIONS, mergedSupporters, moveInQueue, transition, type SubmissionAction } from '$lib/domain/submission-flow';
import { isPublic, SUBMISSION_STATUSES, type SubmissionStatus } from '$lib/domain/submission';

/** Every status × every action, written out: '-' where the action is refused. */
const EXPECTED: Record<SubmissionStatus, Record<SubmissionAction, SubmissionStatus | '-'>> = {
	pending: { approve: 'approved', reject: 'rejected', answer: '-', followUp: '-', withdraw: 'withdrawn', merge: 'merged', release: '-' },
	approved: { approve: '-', reject: 'rejected', answer: 'answered', followUp: 'follow_up', withdraw: 'withdrawn', merge: 'merged', release: '-' },
	rejected: { approve: '-', reject: '-', answer: '-', followUp: '-', withdraw: '-', merge: '-', release: '-' },
	answered: { approve: '-', reject: '-', answer: '-', followUp: '-', withdraw: '-', merge: '-', release: '-' },
	follow_up: { approve: '-', reject: '-', answer: 'answered', followUp: '-', withdraw: '-', merge: '-', release: '-' },
	merged: { approve: '-', reject: '-', answer: '-', followUp: '-', withdraw: '-', merge: '-', release: '-' },
	withdrawn: { approve: '-', reject: '-', answer: '-', followUp: '-', withdraw: '-', merge: '-', release: '-' },
	safeguarding: { approve: '-', reject: '-', answer: '-', followUp: '-', withdraw: '-', merge: '-', release: 'pending' }
};

describe('item status transitions', () => {
	it('covers every status and action', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...SUBMISSION_STATUSES].sort());
		for (const status of SUBMISSION_STATUSES) expect(Object.keys(EXPECTED[status]).sort()).toEqual([...ITEM_ACTIONS].sort());
	});

	for (const status of SUBMISSION_STATUSES) {
		for (const action of ITEM_ACTIONS) {
			const expected = EXPECTED[status][action];
			it(`${action} on a ${status} item ${expected === '-' ? 'is refused' : `makes it ${expected}`}`, () => {
				expect(transition(action, status)).toBe(expected === '-' ? null : expected);
			});
		}
	}

	it('lets only approved items reach the queue and the screen, and never a safeguarding one', () => {
		expect(SUBMISSION_STATUSES.filter(canTakeTheStage)).toEqual(['approved']);
		expect(isPublic('safeguarding')).toBe(false);
		expect(isPublic('pending')).toBe(false);
	});
});

describe('merging', () => {
	it('unites the votes without counting a child twice, and counts the merged authors', () => {
		const supporters = mergedSupporters({ authorId: 'a', voterIds: ['x', 'y'] }, [
			{ authorId: 'b', voterIds: ['y', 'z', 'a'] },
			{ authorId: 'c', voterIds: ['x'] }
		]);
		expect(supporters.sort()).toEqual(['b', 'c', 'x', 'y', 'z']);
	});

	it('never makes the target’s author vote for their own item', () => {
		expect(mergedSupporters({ authorId: 'a', voterIds: [] }, [{ authorId: 'a', voterIds: ['a'] }])).toEqual([]);
	});

	it('counts items typed in by staff (no author) by their voters only', () => {
		expect(mergedSupporters({ authorId: null, voterIds: ['x'] }, [{ authorId: null, voterIds: ['x', 'y'] }]).sort()).toEqual(['x', 'y']);
	});
});

describe('queue order', () => {
	it('moves an item to a new place, clamping to the ends', () => {
		expect(moveInQueue(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
		expect(moveInQueue(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
		expect(moveInQueue(['a', 'b'], 'new', 1)).toEqual(['a', 'new', 'b']);
		expect(moveInQueue(['a', 'b'], 'b', -5)).toEqual(['b', 'a']);
	});
});

import { agendaRemainingMs, formatClock } from '$lib/domain/clock';

describe('the MC’s clocks', () => {
	it('reads minutes and seconds, and hours when needed', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(65_400)).toBe('1:05');
		expect(formatClock(3_725_000)).toBe('1:02:05');
		expect(formatClock(-5_000)).toBe('0:00');
	});

	it('counts an agenda item down from its planned minutes, past zero when over', () => {
		expect(agendaRemainingMs(1_000, 10, 61_000)).toBe(540_000);
		expect(agendaRemainingMs(0, 1, 90_000)).toBe(-30_000);
	});
});
