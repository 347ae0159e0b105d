import { describe, expect, it } from 'vitest';
import {
	canMove,
	defaultDueAt,
	FOLLOW_UP_STATUSES,
	isOverdue,
	parseDueDate,
	validateFollowUpUpdate,
	type FollowUpStatus
} from '$lib/domain/follow-up';

const DAY = 24 * 60 * 60 * 1000;
const update = (status: string, response = 'Đã đưa vào kế hoạch năm 2026', reason = '', wayForward = '') => ({
	status,
	response,
	reason,
	wayForward
});

describe('the follow-up lifecycle', () => {
	it('moves forward from open, and stops once fulfilled', () => {
		const table: Record<FollowUpStatus, FollowUpStatus[]> = {
			open: ['in_progress', 'fulfilled', 'cannot_yet'],
			in_progress: ['in_progress', 'fulfilled', 'cannot_yet'],
			cannot_yet: ['in_progress', 'fulfilled', 'cannot_yet'],
			fulfilled: []
		};
		for (const from of FOLLOW_UP_STATUSES)
			for (const to of FOLLOW_UP_STATUSES) expect(canMove(from, to), `${from} → ${to}`).toBe(table[from].includes(to));
	});

	it('asks for the response with every change, so the children can be told', () => {
		expect(validateFollowUpUpdate('open', update('in_progress', '   '))).toEqual({ ok: false, error: { code: 'response_required' } });
		expect(validateFollowUpUpdate('open', update('in_progress'))).toMatchObject({ ok: true, data: { status: 'in_progress' } });
	});

	it('needs the reason and the way forward for "cannot be done yet"', () => {
		expect(validateFollowUpUpdate('open', update('cannot_yet'))).toEqual({ ok: false, error: { code: 'reason_required' } });
		expect(validateFollowUpUpdate('open', update('cannot_yet', 'Chưa làm được', 'Thiếu kinh phí'))).toEqual({
			ok: false,
			error: { code: 'reason_required' }
		});
		expect(validateFollowUpUpdate('open', update('cannot_yet', 'Chưa làm được', 'Thiếu kinh phí', 'Đề xuất ngân sách 2027'))).toEqual({
			ok: true,
			data: { status: 'cannot_yet', response: 'Chưa làm được', reason: 'Thiếu kinh phí', wayForward: 'Đề xuất ngân sách 2027' }
		});
	});

	it('drops a reason given with any other status, and refuses unknown statuses and closed follow-ups', () => {
		expect(validateFollowUpUpdate('open', update('fulfilled', 'Đã xây xong', 'x', 'y'))).toMatchObject({
			ok: true,
			data: { reason: '', wayForward: '' }
		});
		expect(validateFollowUpUpdate('open', update('done'))).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		expect(validateFollowUpUpdate('fulfilled', update('in_progress'))).toEqual({ ok: false, error: { code: 'follow_up_closed' } });
	});
});

describe('due dates', () => {
	const now = Date.UTC(2025, 5, 1, 3);

	it('defaults to the event day plus the event’s period', () => {
		expect(defaultDueAt(Date.UTC(2025, 5, 10), 30, now)).toBe(Date.UTC(2025, 5, 10) + 30 * DAY);
		// An event without a date, or one in the past, counts from today.
		expect(defaultDueAt(null, 30, now)).toBe(now + 30 * DAY);
		expect(defaultDueAt(Date.UTC(2024, 0, 1), 30, now)).toBe(now + 30 * DAY);
	});

	it('reads a typed date as the end of that day in Vietnam, and refuses the past', () => {
		expect(parseDueDate('2025-07-01', now)).toEqual({ ok: true, data: Date.UTC(2025, 6, 1, 16, 59, 59) });
		expect(parseDueDate('2025-05-01', now)).toEqual({ ok: false, error: { code: 'due_in_past' } });
		expect(parseDueDate('01/07/2025', now)).toEqual({ ok: false, error: { code: 'date_invalid' } });
	});

	it('calls a follow-up overdue only while it is not fulfilled', () => {
		expect(isOverdue({ status: 'open', dueAt: now - 1 }, now)).toBe(true);
		expect(isOverdue({ status: 'cannot_yet', dueAt: now - 1 }, now)).toBe(true);
		expect(isOverdue({ status: 'fulfilled', dueAt: now - 1 }, now)).toBe(false);
		expect(isOverdue({ status: 'open', dueAt: now + 1 }, now)).toBe(false);
	});
});

import { csvField, reportFigures, type ReportItem } from '$lib/domain/report';

describe('report figures', () => {
	const base: ReportItem = {
		kind: 'question',
		status: 'approved',
		topic: 'Học tập',
		delegation: 'Xã A',
		agency: 'Phòng GD',
		text: 'x',
		votes: 0,
		answerSummary: null,
		answeredBy: null,
		followUpStatus: null,
		followUpResponse: '',
		followUpReason: '',
		followUpWayForward: ''
	};

	it('tells answered on the day from followed up, and counts danger messages given only as a number', () => {
		const figures = reportFigures(
			[
				{ ...base, status: 'answered', answerSummary: 'Đã trả lời' },
				{ ...base, status: 'follow_up', followUpStatus: 'cannot_yet', kind: 'recommendation' },
				{ ...base, status: 'rejected', delegation: 'Xã B' }
			],
			[
				{ delegation: 'Xã A', participants: 3 },
				{ delegation: 'Xã B', participants: 2 }
			],
			1
		);
		expect(figures).toMatchObject({ participants: 5, received: 4, shown: 2, answeredOnTheDay: 1, followedUp: 1, notShown: 1, safeguarding: 1 });
		expect(figures.byDelegation).toEqual([
			{ delegation: 'Xã A', participants: 3, items: 2 },
			{ delegation: 'Xã B', participants: 2, items: 1 }
		]);
		expect(figures.followUpStatus.cannot_yet).toBe(1);
		expect(figures.byAgency.flatMap((a) => a.items.map((i) => i.status))).not.toContain('safeguarding');
	});

	it('quotes CSV fields and defuses spreadsheet formulas', () => {
		expect(csvField('a "b"')).toBe('"a ""b"""');
		expect(csvField('=1+1')).toBe(`"'=1+1"`);
		expect(csvField('-2')).toBe(`"'-2"`);
		expect(csvField(null)).toBe('""');
		expect(csvField(3)).toBe('"3"');
	});
});
