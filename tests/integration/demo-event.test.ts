import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForumApp } from '$lib/server/app';
import { DEMO_JOIN_CODE, demoEvent, demoMode } from '$lib/server/demo-event';
import { createRateLimiter } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

let forum: TestForumApp;
let app: ForumApp;

beforeEach(async () => {
	forum = await openTestForumApp({ limiter: createRateLimiter() });
	app = forum.app;
});

afterEach(() => forum.close());

const organiser = { username: 'lan.btc', displayName: 'Nguyễn Thị Lan', password: 'mat-khau-dai-du-10' };

describe('demo mode', () => {
	it('is on only when DEMO_EVENT asks for it, and the demo is moderated unless the tests ask otherwise', () => {
		expect(demoMode('on')).toEqual({ moderation: true });
		expect(demoMode('unmoderated')).toEqual({ moderation: false });
		for (const value of [undefined, '', 'off', 'ON', 'true', '1']) expect(demoMode(value)).toBeNull();
		expect(demoEvent(() => crypto.randomUUID(), 'k').moderation).toBe(true);
	});

	it('makes the first organiser the organiser of the demo event, and nobody after', async () => {
		const seed = demoEvent(() => crypto.randomUUID(), 'demo-display-key-0123456789');
		await app.repos.events.create(seed);
		const created = await app.staffAuth.setupFirstOrganiser(organiser);
		if (!created.ok) throw new Error(created.error.code);
		const first = await app.staffAuth.resume(created.data.token);
		expect(first?.actor.roles).toEqual([{ eventId: seed.id, role: 'organiser', agencyId: null }]);

		const later = await app.staffAuth.createAccount({ ...organiser, username: 'second.btc' }, true);
		if (!later.ok) throw new Error(later.error.code);
		expect(await app.repos.staff.listRoles(later.data.userId)).toEqual([]);
		expect(seed.code).toBe(DEMO_JOIN_CODE);
	});

	it('gives the first organiser no role when there is no demo event', async () => {
		const created = await app.staffAuth.setupFirstOrganiser(organiser);
		if (!created.ok) throw new Error(created.error.code);
		expect((await app.staffAuth.resume(created.data.token))?.actor.roles).toEqual([]);
	});
});
