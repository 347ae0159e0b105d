import { hash, verify } from '@node-rs/argon2';
import { fail, ok, type Result } from '$lib/domain/result';
import { PASSWORD_MAX, passwordProblem, USERNAME_PATTERN, type StaffActor } from '$lib/domain/staff';
import { normaliseText } from '$lib/domain/submission';
import { generateSessionToken, sessionIdFromToken, TOKEN_PATTERN } from '../auth/participant-session';
import { resumeSlidingSession } from '../auth/sliding-session';
import { STAFF_SESSION_LIFETIME_MS, STAFF_SESSION_RENEW_WITHIN_MS } from '../auth/staff-session';
import { DEMO_JOIN_CODE } from '../demo-event';
import type { StaffUser } from '../repositories';
import { auditTrail, sampledRefusal } from './audit-trail';
import type { ServiceDeps } from './deps';
import { memorySignInWaits, type SignInWaits } from './sign-in-waits';

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
	const weak = passwordProblem(input.password, username);
	if (weak) return fail(weak);
	return ok({ username, displayName, password: input.password });
}

const STAFF_POLICY = { lifetimeMs: STAFF_SESSION_LIFETIME_MS, renewWithinMs: STAFF_SESSION_RENEW_WITHIN_MS };

export function createStaffAuthService(deps: ServiceDeps, waits: SignInWaits = memorySignInWaits()) {
	const { repos, limiter, now, newId, announce } = deps;
	const audit = auditTrail(deps);
	/** Ends one session and closes the consoles opened with it. */
	async function endSession(sessionId: string) {
		await repos.staff.deleteSession(sessionId);
		await announce({ type: 'staff:session-ended', sessionId });
	}
	const staffSessions = {
		find: (id: string) => repos.staff.findSession(id),
		extend: (id: string, until: number) => repos.staff.extendSession(id, until),
		// An expired session found at the door: its open consoles close too.
		remove: endSession
	};
	/**
	 * Consecutive failures per account, whatever the address: forty addresses guessing one
	 * password share one growing wait (loginDelayMs, at most a minute), checked before the
	 * password is. A browser that signed in to the account before carries a device token
	 * (`dd_staff_device`) and has a wait of its own, so a stranger guessing elsewhere never keeps
	 * the real user out; on a new browser the real user waits at most the same minute. Kept in
	 * memory, or in Redis when several processes serve the forum (sign-in-waits.ts): a restart
	 * forgives a few guesses and asks known browsers to wait like new ones.
	 *
	 * The key an attempt's failures count under: the known browser's own, else the account's.
	 */
	async function failureKey(username: string, device: string | undefined) {
		const deviceId = device && TOKEN_PATTERN.test(device) ? sessionIdFromToken(device) : null;
		return deviceId && (await waits.trusted(deviceId, username)) ? `device\u0000${deviceId}\u0000${username}` : `account\u0000${username}`;
	}
	/**
	 * Whether an attempt may check a password now. The attempt counts as a failure at once
	 * (`settle` forgives it on success), so forty guesses sent at the same instant wait too.
	 */
	async function reserveAttempt(key: string): Promise<{ settle: (valid: boolean) => Promise<void> } | null> {
		if (!(await waits.reserve(key, now()))) return null;
		return {
			async settle(valid) {
				if (valid) await waits.forgive(key);
			}
		};
	}
	/** Remembers this browser for this account; returns the token for its cookie. */
	async function trustDevice(username: string, device: string | undefined) {
		const token = device && TOKEN_PATTERN.test(device) ? device : generateSessionToken();
		await waits.trust(sessionIdFromToken(token), username, now());
		return token;
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

		/** A checked account with its password hashed, for a caller that stores it in its own transaction. */
		async prepareAccount(input: NewAccount, canCreateEvents: boolean): Promise<Result<StaffUser>> {
			const checked = checkAccount(input);
			if (!checked.ok) return checked;
			return ok({ ...(await newUser(checked.data)), canCreateEvents });
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

		/**
		 * `device` is the browser's `dd_staff_device` cookie, if any; a successful sign-in returns
		 * the value to keep in it.
		 */
		async login(
			usernameInput: string,
			password: string,
			address: string,
			device?: string
		): Promise<Result<{ token: string; expiresAt: number; device: string }>> {
			const username = usernameInput.trim().toLowerCase().slice(0, 64);
			// A ceiling on failed guesses per address, far above what one venue's staff mistype.
			if (await limiter.exhausted('login', address)) return fail('rate_limited');
			// Before the password is checked: even the right one waits, so the wait tells nothing.
			const attempt = await reserveAttempt(await failureKey(username, device));
			if (!attempt) return fail('login_wait');

			const user = await repos.staff.findUserByUsername(username);
			const valid = password.length <= PASSWORD_MAX && (await verify(user?.passwordHash ?? (await DUMMY_HASH), password));
			await attempt.settle(Boolean(user && valid));
			if (!user || !valid) {
				await limiter.allow('login', address);
				const entry = { at: now(), eventId: null, userId: user?.id ?? null, action: `login ${username}`, outcome: 'refused' as const, detail: 'login_failed' };
				// Logged against the account tried, so its owner's organiser can see guessing (the
				// per-account wait bounds these rows); made-up names are counted and sampled.
				if (user) await repos.audit.record(entry);
				else await sampledRefusal(repos, entry);
				return fail('login_failed');
			}
			return ok({ ...(await issueSession(user.id)), device: await trustDevice(username, device) });
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

		/**
		 * The session as it is now, for a live connection that re-checks before each staff command:
		 * null once signed out, expired or the password changed; the roles as they are now.
		 */
		async liveSession(sessionId: string): Promise<{ actor: StaffActor; expiresAt: number } | null> {
			const found = await repos.staff.findSession(sessionId);
			if (!found) return null;
			if (found.session.expiresAt <= now()) {
				await endSession(sessionId);
				return null;
			}
			const { user } = found;
			const roles = await repos.staff.listRoles(user.id);
			return { actor: { userId: user.id, canCreateEvents: user.canCreateEvents, roles }, expiresAt: found.session.expiresAt };
		},

		/** The id a session is stored (and its live connections grouped) under. */
		sessionIdOf(token: string | undefined): string | null {
			return token && TOKEN_PATTERN.test(token) ? sessionIdFromToken(token) : null;
		},

		/** Ends this session, and closes the consoles opened with it at once. */
		async logout(token: string) {
			if (TOKEN_PATTERN.test(token)) await endSession(sessionIdFromToken(token));
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

		/**
		 * A new password ends every session, including stolen ones, and closes every open console;
		 * the caller gets a fresh session. The current password is checked under the account's
		 * sign-in wait, so a stolen session cannot guess it quickly either.
		 */
		async changePassword(username: string, current: string, next: string, repeat: string = next) {
			const user = await repos.staff.findUserByUsername(username);
			if (!user) return fail('login_failed');
			const attempt = await reserveAttempt(await failureKey(user.username, undefined));
			if (!attempt) return fail('login_wait');
			const valid = current.length <= PASSWORD_MAX && (await verify(user.passwordHash, current));
			await attempt.settle(valid);
			if (!valid) return audit.refused({ userId: user.id, canCreateEvents: user.canCreateEvents, roles: [] }, 'password:change', null, 'password_current_wrong');
			if (next !== repeat) return fail('password_mismatch');
			const weak = passwordProblem(next, user.username);
			if (weak) return fail(weak);
			if (next === current) return fail('password_unchanged');
			await repos.staff.setPasswordHash(user.id, await hash(next));
			await announce({ type: 'staff:signed-out', userId: user.id });
			await audit.done({ userId: user.id, canCreateEvents: user.canCreateEvents, roles: [] }, 'password:change', null);
			return ok(await issueSession(user.id));
		}
	};
}

export type StaffAuthService = ReturnType<typeof createStaffAuthService>;
