import { describe, expect, it } from 'vitest';
import { authorise, loginDelayMs, STAFF_ACTIONS, type StaffAction, type StaffActor, type StaffRole } from '$lib/domain/staff';

/**
 * The authorisation matrix, written out by hand from the staff issue's table so that a change to
 * STAFF_ACTIONS must be matched here: O organiser, M moderator, L leader, F follow-up officer.
 * 'own' = only for items addressed to their own agency.
 */
type Cell = boolean | 'own';
const MATRIX: Record<StaffAction, Record<StaffRole, Cell>> = {
	'event:create': { organiser: false, moderator: false, leader: false, follow_up_officer: false },
	'event:edit': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'event:view': { organiser: true, moderator: true, leader: true, follow_up_officer: true },
	'staff:invite': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'report:export': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'safeguarding:view': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'audit:view': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'submission:moderate': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'queue:manage': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'agenda:run': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'poll:run': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'preEvent:manage': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'seats:manage': { organiser: true, moderator: false, leader: false, follow_up_officer: false },
	'display:control': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'submission:answer': { organiser: true, moderator: true, leader: 'own', follow_up_officer: false },
	'followUp:update': { organiser: true, moderator: false, leader: false, follow_up_officer: 'own' },
	'followUp:assign': { organiser: true, moderator: true, leader: false, follow_up_officer: false },
	'session:close': { organiser: true, moderator: true, leader: false, follow_up_officer: false }
};

const EVENT = 'event-1';
const OTHER_EVENT = 'event-2';
const AGENCY = 'agency-health';
const OTHER_AGENCY = 'agency-police';

const holder = (role: StaffRole, eventId = EVENT): StaffActor => ({
	userId: `u-${role}`,
	canCreateEvents: false,
	roles: [{ eventId, role, agencyId: role === 'leader' || role === 'follow_up_officer' ? AGENCY : null }]
});

describe('the authorisation matrix', () => {
	it('covers every action there is, and nothing else', () => {
		expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(STAFF_ACTIONS).sort());
	});

	for (const action of Object.keys(MATRIX) as StaffAction[]) {
		for (const role of Object.keys(MATRIX[action]) as StaffRole[]) {
			const cell = MATRIX[action][role];
			it(`${role} ${cell ? 'may' : 'may not'} ${action}`, () => {
				const actor = holder(role);
				expect(authorise(actor, action, { eventId: EVENT, agencyId: AGENCY })).toBe(Boolean(cell));
				expect(authorise(actor, action, { eventId: EVENT, agencyId: OTHER_AGENCY })).toBe(cell === true);
				// A role in one event gives nothing in another.
				expect(authorise(actor, action, { eventId: OTHER_EVENT, agencyId: AGENCY })).toBe(false);
			});
		}
		it(`nobody without a session may ${action}`, () => {
			expect(authorise(null, action, { eventId: EVENT, agencyId: AGENCY })).toBe(false);
		});
	}

	it('lets only organiser accounts create events', () => {
		expect(authorise({ userId: 'a', canCreateEvents: true, roles: [] }, 'event:create')).toBe(true);
		expect(authorise(holder('organiser'), 'event:create')).toBe(false);
	});

	it('never lets an agency-bound role without an agency act on unaddressed items', () => {
		const leader: StaffActor = { userId: 'l', canCreateEvents: false, roles: [{ eventId: EVENT, role: 'leader', agencyId: null }] };
		expect(authorise(leader, 'submission:answer', { eventId: EVENT, agencyId: null })).toBe(false);
	});
});

describe('login delays', () => {
	it('lets a user mistype twice freely, then grows the wait up to a minute, never a lockout', () => {
		expect([0, 1, 2].map(loginDelayMs)).toEqual([0, 0, 0]);
		expect([3, 4, 5].map(loginDelayMs)).toEqual([1000, 2000, 4000]);
		expect(loginDelayMs(50)).toBe(60_000);
	});
});
