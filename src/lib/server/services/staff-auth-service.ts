import { hash, verify } from '@node-rs/argon2';
import { fail, ok, type Result } from '$lib/domain/result';
import { loginDelayMs, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN, type StaffActor } from '$lib/domain/staff';
import { normaliseText } from '$lib/domain/submission';
import { generateSessionToken, sessionIdFromToken, TOKEN_PATTERN } from '../auth/participant-session';
import { resumeSlidingSession } from '../auth/sliding-session';
import { STAFF_SESSION_LIFETIME_MS, STAFF_SESSION_RENEW_WITHIN_MS } from '../auth/staff-session';
import { DEMO_JOIN_CODE } from '../demo-event';
import type { StaffUser } from '../repositories';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';

export interface SignedInStaff {
	user: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'canCreateEvents'>;
	actor: StaffActor;
}

export interface NewAccount {
	username: string;
	displayName: string;
	password: string;
}

/** Verifying against this when the user does not exist keeps unknown names as slow as known ones. */
const DUMMY_HASH = hash('not-a-real-password-used-for-timing');

function checkAccount(input: NewAccount): Result<NewAccount> {
	const username = input.username.trim().toLowerCase();
	const displayName = normaliseText(input.displayName).replace(/\n/g, ' ');
	if (!USERNAME_PATTERN.test(username)) return fail('username_invalid');
	if (!displayName || displayName.length > 80) return fail('display_name_invalid');
	if (input.password.length < PASSWORD_MIN) return fail('password_too_short');
	if (input.password.length > PASSWORD_MAX) return fail('password_too_long');
	return ok({ username, displayName, password: input.password });
}

const STAFF_POLICY = { lifetimeMs: STAFF_SESSION_LIFETIME_MS, renewWithinMs: STAFF_SESSION_RENEW_WITHIN_MS };

export function createStaffAuthService(deps: ServiceDeps) {
	const { repos, limiter, now, newId, announce } = deps;
	const audit = auditTrail(deps);
	const staffSessions = {
		find: (id: string) => repos.staff.findSession(id),
		extend: (id: string, until: number) => repos.staff.extendSession(id, until),
		remove: (id: string) => repos.staff.deleteSession(id)
	};
	/**
	 * Consecutive failures per account *and address*: a guesser elsewhere slows only themselves,
	 * never the real user signing in from the hall. Memory is enough: a restart forgives a few
	 * guesses. Old entries are swept so a flood of made-up names cannot grow it without end.
	 */
	const failures = new Map<string, { count: number; lastAt: number }>();
	const FORGET_AFTER_MS = 15 * 60 * 1000;
	function sweep() {
		if (failures.size < 10_000) return;
		for (const [key, f] of failures) if (now() - f.lastAt > FORGET_AFTER_MS) failures.delete(key);
	}

	async function newUser({ username, displayName, password }: NewAccount) {
		return { id: newId(), username, displayName, passwordHash: await hash(password) };
	}

	async function issueSession(userId: string) {
		const token = generateSessionToken();
		const expiresAt = now() + STAFF_SESSION_LIFETIME_MS;
		await repos.staff.createSession({ id: sessionIdFromToken(token), userId, expiresAt });
		return { token, expiresAt };
	}

	return {
		async needsSetup(): Promise<boolean> {
			return (await repos.staff.countUsers()) === 0;
		},

		/** The first organiser account, from the first-run page; refused once any account exists. */
		async setupFirstOrganiser(input: NewAccount): Promise<Result<{ token: string; expiresAt: number }>> {
			if ((await repos.staff.countUsers()) > 0) return fail('setup_done');
			const checked = checkAccount(input);
			if (!checked.ok) return checked;
			const user = { ...(await newUser(checked.data)), canCreateEvents: true };
			// Checked again inside the insert: two setup forms posted at once make one account.
			if (!(await repos.staff.createFirstUser(user))) return fail('setup_done');
			// The demo event was seeded before any account existed: its organiser is whoever sets up
			// first, so a newcomer can open its page, console, leader page and reports at once. Its
			// 4-character code cannot be a created forum's (those have 5).
			const demo = await repos.events.findByCode(DEMO_JOIN_CODE);
			if (demo) await repos.staff.grantRole(user.id, { eventId: demo.id, role: 'organiser', agencyId: null });
			return ok(await issueSession(user.id));
		},

		async createAccount(input: NewAccount, canCreateEvents: boolean): Promise<Result<{ userId: string }>> {
			const checked = checkAccount(input);
			if (!checked.ok) return checked;
			if (await repos.staff.findUserByUsername(checked.data.username)) return fail('username_taken');
			const user = { ...(await newUser(checked.data)), canCreateEvents };
			await repos.staff.createUser(user);
			return ok({ userId: user.id });
		},

		startSession: issueSession,

		async login(usernameInput: string, password: string, address: string): Promise<Result<{ token: string; expiresAt: number }>> {
			const username = usernameInput.trim().toLowerCase().slice(0, 64);
			// A ceiling on failed guesses per address, far above what one venue's staff mistype.
			if (await limiter.exhausted('login', address)) return fail('rate_limited');
			const key = `${username}\u0000${address}`;
			const failed = failures.get(key);
			if (failed && now() < failed.lastAt + loginDelayMs(failed.count)) return fail('login_wait');

			const user = await repos.staff.findUserByUsername(username);
			const valid = password.length <= PASSWORD_MAX && (await verify(user?.passwordHash ?? (await DUMMY_HASH), password));
			if (!user || !valid) {
				sweep();
				failures.set(key, { count: (failed?.count ?? 0) + 1, lastAt: now() });
				await limiter.allow('login', address);
				// Logged against the account tried, so its owner's organiser can see guessing.
				await repos.audit.record({
					at: now(),
					eventId: null,
					userId: user?.id ?? null,
					action: 'login',
					outcome: 'refused',
					detail: `login_failed ${username}`
				});
				return fail('login_failed');
			}
			failures.delete(key);
			return ok(await issueSession(user.id));
		},

		/** `renew: false` from a socket handshake, which cannot refresh the cookie. */
		async resume(
			token: string | undefined,
			{ renew = true } = {}
		): Promise<(SignedInStaff & { renewedUntil: number | null }) | null> {
			const resumed = await resumeSlidingSession(token, staffSessions, STAFF_POLICY, now(), renew);
			if (!resumed) return null;
			const { renewedUntil } = resumed;
			const { passwordHash: _hash, ...user } = resumed.found.user;
			const roles = await repos.staff.listRoles(user.id);
			return { user, actor: { userId: user.id, canCreateEvents: user.canCreateEvents, roles }, renewedUntil };
		},

		async logout(token: string) {
			if (TOKEN_PATTERN.test(token)) await repos.staff.deleteSession(sessionIdFromToken(token));
		},

		/** Ends every session of the user, and closes their open consoles at once. */
		async logoutEverywhere(userId: string) {
			await repos.staff.deleteSessionsOf(userId);
			await announce({ type: 'staff:signed-out', userId });
		},

		/** A forged or expired staff cookie, seen at the door: kept for the organiser. */
		async recordInvalidSession(path: string) {
			await audit.refused(null, `session ${path.slice(0, 100)}`, null, 'session_invalid');
		},

		/** A new password ends every session, including stolen ones; the caller gets a fresh one. */
		async changePassword(username: string, current: string, next: string) {
			const user = await repos.staff.findUserByUsername(username);
			if (!user || !(await verify(user.passwordHash, current))) return fail('login_failed');
			if (next.length < PASSWORD_MIN) return fail('password_too_short');
			if (next.length > PASSWORD_MAX) return fail('password_too_long');
			await repos.staff.setPasswordHash(user.id, await hash(next));
			await announce({ type: 'staff:signed-out', userId: user.id });
			return ok(await issueSession(user.id));
		}
	};
}

export type StaffAuthService = ReturnType<typeof createStaffAuthService>;
