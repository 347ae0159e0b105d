import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { ForumApp } from '$lib/server/app';
import { sessionIdFromToken, SESSION_LIFETIME_MS } from '$lib/server/auth/participant-session';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

const DAY = 24 * 60 * 60 * 1000;
let forum: TestForumApp;
let app: ForumApp;
let event: EventDetails;
let clock = Date.UTC(2026, 8, 15);

beforeEach(async () => {
	forum = await openTestForumApp({ limiter: unlimited, now: () => clock });
	app = forum.app;
	const seed = demoEvent(() => crypto.randomUUID(), 'sessions-display-key-000');
	await app.repos.events.create(seed);
	event = (await app.repos.events.findById(seed.id))!;
});

afterEach(() => forum.close());

describe('anonymous participant sessions', () => {
	it('stores only the hash of the cookie token', async () => {
		const joined = await app.sessions.join(event, { delegationId: event.delegations[0].id }, 'ip');
		if (!joined.ok) throw new Error(joined.error.code);
		expect(joined.data.token).toMatch(/^[a-z2-7]{32}$/);
		expect(await app.repos.participants.findSession(joined.data.token)).toBeNull();
		expect(await app.repos.participants.findSession(sessionIdFromToken(joined.data.token))).not.toBeNull();
	});

	it('asks nothing personal: a nickname is optional and hidden unless chosen', async () => {
		const plain = await app.sessions.join(event, { delegationId: event.delegations[0].id }, 'ip');
		const named = await app.sessions.join(
			event,
			{ delegationId: event.delegations[0].id, nickname: '  Mây  ', showNickname: false },
			'ip'
		);
		expect(plain).toMatchObject({ ok: true, data: { participant: { nickname: null, showNickname: false } } });
		expect(named).toMatchObject({ ok: true, data: { participant: { nickname: 'Mây', showNickname: false } } });
	});

	it('refuses an unknown delegation, a long nickname and a closed event', async () => {
		expect(await app.sessions.join(event, { delegationId: 'nope' }, 'ip')).toEqual({
			ok: false,
			error: { code: 'unknown_delegation' }
		});
		expect(
			await app.sessions.join(event, { delegationId: event.delegations[0].id, nickname: 'x'.repeat(31) }, 'ip')
		).toEqual({ ok: false, error: { code: 'nickname_too_long' } });
		expect(await app.sessions.join({ ...event, joinOpen: false }, { delegationId: event.delegations[0].id }, 'ip')).toEqual({
			ok: false,
			error: { code: 'join_closed' }
		});
		expect(await app.repos.participants.countByEvent(event.id)).toBe(0);
	});

	it('slides the expiry for an active phone and forgets an expired one', async () => {
		const joined = await app.sessions.join(event, { delegationId: event.delegations[0].id }, 'ip');
		if (!joined.ok) throw new Error(joined.error.code);
		const { token } = joined.data;

		expect(await app.sessions.resume(token)).toMatchObject({ renewedUntil: null });
		clock += SESSION_LIFETIME_MS - 10 * DAY;
		const renewed = await app.sessions.resume(token);
		expect(renewed?.renewedUntil).toBe(clock + SESSION_LIFETIME_MS);

		clock += SESSION_LIFETIME_MS + DAY;
		expect(await app.sessions.resume(token)).toBeNull();
		expect(await app.repos.participants.findSession(sessionIdFromToken(token))).toBeNull();
	});

	it('does not renew from a socket handshake, which cannot refresh the cookie', async () => {
		const joined = await app.sessions.join(event, { delegationId: event.delegations[0].id }, 'ip');
		if (!joined.ok) throw new Error(joined.error.code);
		clock += SESSION_LIFETIME_MS - 10 * DAY;
		expect(await app.sessions.resume(joined.data.token, { renew: false })).toMatchObject({ renewedUntil: null });
		const stored = await app.repos.participants.findSession(sessionIdFromToken(joined.data.token));
		expect(stored?.session.expiresAt).toBe(joined.data.expiresAt);
	});

	it('ignores malformed tokens without touching the database', async () => {
		for (const token of [undefined, '', 'short', 'A'.repeat(32), "x' or 1=1 --".padEnd(32, 'a')]) {
			expect(await app.sessions.resume(token)).toBeNull();
		}
	});
});
