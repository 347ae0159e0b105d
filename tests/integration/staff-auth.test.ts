import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForumApp } from '$lib/server/app';
import { sessionIdFromToken } from '$lib/server/auth/participant-session';
import { STAFF_SESSION_LIFETIME_MS } from '$lib/server/auth/staff-session';
import { createRateLimiter } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'mat-khau-dai-du-10';
let forum: TestForumApp;
let app: ForumApp;
let clock: number;

beforeEach(async () => {
	clock = Date.UTC(2026, 8, 1);
	forum = await openTestForumApp({ limiter: createRateLimiter(), now: () => clock });
	app = forum.app;
});

afterEach(() => forum.close());

const organiser = { username: 'Lan.BTC', displayName: 'Nguyễn Thị Lan', password: PASSWORD };

async function signIn(password = PASSWORD) {
	const result = await app.staffAuth.login('lan.btc', password, '10.0.0.1');
	if (!result.ok) throw new Error(result.error.code);
	return result.data.token;
}

describe('first-run setup', () => {
	it('creates one organiser who may create events, then locks itself', async () => {
		expect(await app.staffAuth.needsSetup()).toBe(true);
		const created = await app.staffAuth.setupFirstOrganiser(organiser);
		expect(created.ok).toBe(true);
		expect(await app.staffAuth.needsSetup()).toBe(false);
		expect(await app.staffAuth.setupFirstOrganiser({ ...organiser, username: 'intruder' })).toEqual({
			ok: false,
			error: { code: 'setup_done' }
		});
		const user = await app.repos.staff.findUserByUsername('lan.btc');
		expect(user).toMatchObject({ canCreateEvents: true, displayName: 'Nguyễn Thị Lan' });
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
	});

	it('answers two setup forms posted at once with one account', async () => {
		const results = await Promise.all([
			app.staffAuth.setupFirstOrganiser({ ...organiser, username: 'second' }),
			app.staffAuth.setupFirstOrganiser({ ...organiser, username: 'third' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await app.repos.staff.countUsers()).toBe(1);
	});

	it('refuses weak or malformed accounts', async () => {
		expect(await app.staffAuth.setupFirstOrganiser({ ...organiser, password: 'short' })).toMatchObject({
			error: { code: 'password_too_short' }
		});
		expect(await app.staffAuth.setupFirstOrganiser({ ...organiser, username: 'a b' })).toMatchObject({
			error: { code: 'username_invalid' }
		});
		expect(await app.staffAuth.needsSetup()).toBe(true);
	});
});

describe('staff sessions', () => {
	beforeEach(async () => {
		await app.staffAuth.setupFirstOrganiser(organiser);
	});

	it('stores only the token hash and resumes with the actor and roles', async () => {
		const token = await signIn();
		expect(await app.repos.staff.findSession(token)).toBeNull();
		expect(await app.repos.staff.findSession(sessionIdFromToken(token))).not.toBeNull();
		const resumed = await app.staffAuth.resume(token);
		expect(resumed).toMatchObject({ user: { username: 'lan.btc' }, actor: { canCreateEvents: true, roles: [] } });
		expect(resumed?.user).not.toHaveProperty('passwordHash');
	});

	it('renews a session in use and ends an idle one', async () => {
		const token = await signIn();
		clock += STAFF_SESSION_LIFETIME_MS - DAY;
		expect((await app.staffAuth.resume(token))?.renewedUntil).toBe(clock + STAFF_SESSION_LIFETIME_MS);
		clock += STAFF_SESSION_LIFETIME_MS + 1;
		expect(await app.staffAuth.resume(token)).toBeNull();
	});

	it('logs out one session, or all of them', async () => {
		const laptop = await signIn();
		const phone = await signIn();
		await app.staffAuth.logout(laptop);
		expect(await app.staffAuth.resume(laptop)).toBeNull();
		expect(await app.staffAuth.resume(phone)).not.toBeNull();

		const tablet = await signIn();
		await app.staffAuth.logoutEverywhere((await app.staffAuth.resume(tablet))!.user.id);
		expect(await app.staffAuth.resume(phone)).toBeNull();
		expect(await app.staffAuth.resume(tablet)).toBeNull();
	});

	it('ends every session on a password change', async () => {
		const stolen = await signIn();
		const changed = await app.staffAuth.changePassword('lan.btc', PASSWORD, 'mat-khau-moi-rat-dai');
		expect(changed.ok).toBe(true);
		expect(await app.staffAuth.resume(stolen)).toBeNull();
		expect((await app.staffAuth.login('lan.btc', PASSWORD, 'ip')).ok).toBe(false);
		clock += 60_000;
		expect((await app.staffAuth.login('lan.btc', 'mat-khau-moi-rat-dai', 'ip')).ok).toBe(true);
	});

	it('refuses forged tokens', async () => {
		for (const token of [undefined, '', 'x'.repeat(32), 'a'.repeat(32)]) expect(await app.staffAuth.resume(token)).toBeNull();
	});
});

describe('failed sign-ins', () => {
	beforeEach(async () => {
		await app.staffAuth.setupFirstOrganiser(organiser);
	});

	it('slows an account down with growing waits instead of locking it', async () => {
		for (let i = 0; i < 3; i++) {
			expect(await app.staffAuth.login('lan.btc', 'wrong-password', 'ip')).toMatchObject({ error: { code: 'login_failed' } });
		}
		// Even the right password waits: the guesser cannot tell it from a wrong one.
		expect(await app.staffAuth.login('lan.btc', PASSWORD, 'ip')).toMatchObject({ error: { code: 'login_wait' } });
		clock += 1000;
		expect((await app.staffAuth.login('lan.btc', PASSWORD, 'ip')).ok).toBe(true);
	});

	it('never lets a guesser elsewhere keep the real user out', async () => {
		const before = await app.staffAuth.login('lan.btc', PASSWORD, 'hall');
		if (!before.ok) throw new Error(before.error.code);
		// The stranger keeps guessing without pause; the organiser on the laptop that signed in
		// before (its device token) is not slowed at all.
		for (let i = 0; i < 30; i++) {
			await app.staffAuth.login('lan.btc', 'wrong-password', 'stranger');
			clock += 3_000;
		}
		expect(await app.staffAuth.login('lan.btc', 'wrong-password', 'stranger')).toMatchObject({
			error: { code: 'login_wait' }
		});
		expect((await app.staffAuth.login('lan.btc', PASSWORD, 'hall', before.data.device)).ok).toBe(true);
	});

	it('caps the wait at a minute, so a mistyping user is never locked out', async () => {
		for (let i = 0; i < 30; i++) {
			await app.staffAuth.login('lan.btc', 'wrong-password', 'hall');
			clock += 60_000;
		}
		expect((await app.staffAuth.login('lan.btc', PASSWORD, 'hall')).ok).toBe(true);
	});

	it('answers an unknown user exactly like a wrong password', async () => {
		expect(await app.staffAuth.login('nobody', PASSWORD, 'ip')).toEqual({ ok: false, error: { code: 'login_failed' } });
	});
});
