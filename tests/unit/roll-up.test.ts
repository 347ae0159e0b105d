import { describe, expect, it } from 'vitest';
import { forumFigures, rollUpTotals, type RollUpForumInput, type RollUpItem } from '$lib/domain/roll-up';

const item = (over: Partial<RollUpItem>): RollUpItem => ({
	kind: 'recommendation',
	status: 'follow_up',
	topic: 'Giáo dục',
	delegation: 'Xã A',
	agency: 'Công an huyện',
	text: 'Một kiến nghị',
	votes: 0,
	answerSummary: null,
	answeredBy: null,
	followUpStatus: 'open',
	followUpResponse: '',
	followUpReason: '',
	followUpWayForward: '',
	overdue: false,
	forwardedUpwards: false,
	...over
});

const forum = (over: Partial<RollUpForumInput>): RollUpForumInput => ({
	eventId: 'e',
	title: 'Huyện',
	level: 'district',
	organisingUnit: '',
	startsAt: null,
	participation: [{ delegation: 'Xã A', participants: 10 }],
	gender: null,
	items: [],
	safeguarding: 0,
	...over
});

describe('one forum’s figures', () => {
	it('counts items by agency with their outcomes and overdue, answered on the day, forwarded upwards', () => {
		const figures = forumFigures(
			forum({
				safeguarding: 2,
				items: [
					item({ kind: 'question', status: 'answered', followUpStatus: null, agency: '' }),
					item({ overdue: true }),
					item({ followUpStatus: 'cannot_yet', followUpReason: 'Hết kinh phí', followUpWayForward: 'Năm sau', forwardedUpwards: true, text: 'Làm cầu' }),
					item({ agency: 'Phòng Giáo dục', followUpStatus: 'fulfilled', topic: 'Vui chơi' })
				]
			})
		);
		expect(figures).toMatchObject({
			participants: 10,
			received: 6,
			safeguarding: 2,
			answeredOnTheDay: 1,
			followedUp: 3,
			overdue: 1,
			genderForums: 0,
			byKind: { question: 1, recommendation: 3, message: 0 },
			outcomes: { open: 1, in_progress: 0, fulfilled: 1, cannot_yet: 1 },
			cannotYet: [{ agency: 'Công an huyện', text: 'Làm cầu', reason: 'Hết kinh phí', wayForward: 'Năm sau' }],
			forwardedUpwards: [{ kind: 'recommendation', text: 'Làm cầu' }]
		});
		expect(figures.byAgency).toEqual([
			{ agency: '', items: 1, outcomes: { open: 0, in_progress: 0, fulfilled: 0, cannot_yet: 0 }, overdue: 0 },
			{ agency: 'Công an huyện', items: 2, outcomes: { open: 1, in_progress: 0, fulfilled: 0, cannot_yet: 1 }, overdue: 1 },
			{ agency: 'Phòng Giáo dục', items: 1, outcomes: { open: 0, in_progress: 0, fulfilled: 1, cannot_yet: 0 }, overdue: 0 }
		]);
		expect(figures.byDelegation).toEqual([{ delegation: 'Xã A', participants: 10, items: 4 }]);
	});
});

describe('the totals', () => {
	it('add the forums up; topics and agencies of the same name across forums are one line', () => {
		const a = forumFigures(forum({ items: [item({ overdue: true }), item({ topic: 'An toàn giao thông' })], gender: { male: 4, female: 6, other: 0, undisclosed: 0, none: 0 } }));
		const b = forumFigures(forum({ participation: [{ delegation: 'Xã B', participants: 5 }], items: [item({ agency: 'công an  huyện', overdue: true, topic: 'giáo dục' })], safeguarding: 1 }));
		const totals = rollUpTotals([a, b]);
		expect(totals).toMatchObject({ participants: 15, received: 4, safeguarding: 1, overdue: 2, followedUp: 3, genderForums: 1 });
		expect(totals.gender).toEqual({ male: 4, female: 6, other: 0, undisclosed: 0, none: 0 });
		expect(totals.byTopic).toEqual([
			{ topic: 'Giáo dục', items: 2 },
			{ topic: 'An toàn giao thông', items: 1 }
		]);
		expect(totals.byAgency).toEqual([{ agency: 'Công an huyện', items: 3, outcomes: { open: 3, in_progress: 0, fulfilled: 0, cannot_yet: 0 }, overdue: 2 }]);
		expect(totals.byDelegation.map((d) => d.delegation)).toEqual(['Xã A', 'Xã B']);
	});

	it('has no gender balance when no forum collected it with consent, and is all zeroes without forums', () => {
		expect(rollUpTotals([forumFigures(forum({}))]).gender).toBeNull();
		expect(rollUpTotals([])).toMatchObject({ participants: 0, received: 0, overdue: 0, byTopic: [], byAgency: [], gender: null });
	});
});
