/**
 * Who may do what. Every staff command and protected route names one of these actions, and the
 * server asks `authorise` before any service runs. Pure: no I/O, no framework.
 */
export const STAFF_ROLES = ['organiser', 'moderator', 'leader', 'follow_up_officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** One role a person holds in one event; leaders and follow-up officers act for one agency. */
export interface EventRole {
	eventId: string;
	role: StaffRole;
	agencyId: string | null;
}

export interface StaffActor {
	userId: string;
	/** Set on organiser accounts (the first-run account, or ones it creates): may create events. */
	canCreateEvents: boolean;
	roles: EventRole[];
}

/**
 * The table from the staff issue. `agency` marks actions a leader or follow-up officer may take
 * only on items of their own agency.
 */
export const STAFF_ACTIONS = {
	'event:create': { roles: [], agency: false },
	'event:edit': { roles: ['organiser'], agency: false },
	'event:view': { roles: ['organiser', 'moderator', 'leader', 'follow_up_officer'], agency: false },
	'staff:invite': { roles: ['organiser'], agency: false },
	'report:export': { roles: ['organiser'], agency: false },
	'safeguarding:view': { roles: ['organiser'], agency: false },
	'audit:view': { roles: ['organiser'], agency: false },
	'submission:moderate': { roles: ['organiser', 'moderator'], agency: false },
	'queue:manage': { roles: ['organiser', 'moderator'], agency: false },
	'agenda:run': { roles: ['organiser', 'moderator'], agency: false },
	'poll:run': { roles: ['organiser', 'moderator'], agency: false },
	/** Chaperone links, the deadline and limit for items sent before the day, and who sees them. */
	'preEvent:manage': { roles: ['organiser'], agency: false },
	/** Single-use seat codes: generating and printing the cards. */
	'seats:manage': { roles: ['organiser'], agency: false },
	'display:control': { roles: ['organiser', 'moderator'], agency: false },
	'submission:answer': { roles: ['organiser', 'moderator', 'leader'], agency: true },
	'followUp:update': { roles: ['organiser', 'follow_up_officer'], agency: true },
	/** Hand a follow-up to another agency, or change its due date. */
	'followUp:assign': { roles: ['organiser', 'moderator'], agency: false },
	/** End the live session: unanswered items become follow-ups. */
	'session:close': { roles: ['organiser', 'moderator'], agency: false }
} as const satisfies Record<string, { roles: readonly StaffRole[]; agency: boolean }>;

export type StaffAction = keyof typeof STAFF_ACTIONS;

export interface ActionTarget {
	eventId?: string;
	/** The agency an item is addressed to, for agency-scoped actions. */
	agencyId?: string | null;
}

export function authorise(actor: StaffActor | null, action: StaffAction, target: ActionTarget = {}): boolean {
	if (!actor) return false;
	if (action === 'event:create') return actor.canCreateEvents;
	const rule = STAFF_ACTIONS[action];
	return actor.roles.some(
		(held) =>
			held.eventId === target.eventId &&
			(rule.roles as readonly StaffRole[]).includes(held.role) &&
			(!rule.agency || !isAgencyBound(held.role) || (held.agencyId !== null && held.agencyId === target.agencyId))
	);
}

/** Leaders and follow-up officers speak for one agency; organisers and moderators for the event. */
export function isAgencyBound(role: StaffRole): boolean {
	return role === 'leader' || role === 'follow_up_officer';
}

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Passwords people pick first; long enough to pass the length rule, and the first ones guessed. */
const COMMON_PASSWORDS = new Set([
	'1234567890',
	'12345678910',
	'0123456789',
	'1234567890a',
	'password123',
	'password1234',
	'matkhau123',
	'matkhau1234',
	'qwertyuiop',
	'qwerty12345',
	'abc1234567',
	'abcd123456',
	'iloveyou123',
	'admin12345',
	'doandoan123'
]);

/**
 * The strength rule for staff passwords: PASSWORD_MIN to PASSWORD_MAX characters, at least five
 * different characters, not the username (nor containing it), and not one of the first guesses.
 */
export function passwordProblem(password: string, username: string): 'password_too_short' | 'password_too_long' | 'password_weak' | null {
	if (password.length < PASSWORD_MIN) return 'password_too_short';
	if (password.length > PASSWORD_MAX) return 'password_too_long';
	const lower = password.toLowerCase();
	if (new Set(lower).size < 5) return 'password_weak';
	if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'password_weak';
	if (COMMON_PASSWORDS.has(lower.replace(/[\s._-]/g, ''))) return 'password_weak';
	return null;
}

/**
 * Failed sign-ins slow an account down instead of locking it: a stranger guessing can only make
 * the real user wait, never shut them out. Returns how long the next attempt must wait.
 */
export function loginDelayMs(consecutiveFailures: number): number {
	if (consecutiveFailures < 3) return 0;
	return Math.min(2 ** (consecutiveFailures - 3) * 1000, 60_000);
}
