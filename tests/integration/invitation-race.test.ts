import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { ForumApp } from '$lib/server/app';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

let forum: TestForumApp;
let app: ForumApp;
let event: EventDetails;

const account = (username: string) => ({ username, displayName: `Cán bộ ${username}`, password: 'mat-khau-du-dai-1' });

beforeEach(async () => {
	forum = await openTestForumApp({ limiter: unlimited });
	app = forum.app;
	const setup = await app.staffAuth.setupFirstOrganiser(account('btc'));
	if (!setup.ok) throw new Error(setup.error.code);
	const seed = demoEvent(() => crypto.randomUUID(), 'race-display-key-00000000');
	await app.repos.events.create(seed);
	event = (await app.repos.events.findById(seed.id))!;
	const btc = await app.repos.staff.findUserByUsername('btc');
	await app.repos.staff.grantRole(btc!.id, { eventId: event.id, role: 'organiser', agencyId: null });
});

afterEach(() => forum.close());

describe('one invitation link', () => {
	it('makes exactly one account when five people accept it at the same moment', async () => {
		const organiser = (await app.staffAuth.resume((await app.staffAuth.login('btc', 'mat-khau-du-dai-1', 'ip') as { data: { token: string } }).data.token))!.actor;
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'moderator', agencyId: null });
		if (!invited.ok) throw new Error(invited.error.code);
		const usersBefore = await app.repos.staff.countUsers();

		const names = ['mc.a', 'mc.b', 'mc.c', 'mc.d', 'mc.e'];
		const results = await Promise.all(names.map((name) => app.invitations.acceptWithNewAccount(invited.data.token, account(name))));

		expect(results.filter((r) => r.ok)).toHaveLength(1);
		for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, error: { code: 'invitation_used' } });
		expect(await app.repos.staff.countUsers()).toBe(usersBefore + 1);
		const winner = names[results.findIndex((r) => r.ok)];
		const user = await app.repos.staff.findUserByUsername(winner);
		expect(await app.repos.staff.listRoles(user!.id)).toEqual([{ eventId: event.id, role: 'moderator', agencyId: null }]);
		for (const loser of names.filter((n) => n !== winner)) expect(await app.repos.staff.findUserByUsername(loser)).toBeNull();
	});

	it('makes exactly one account when five processes, each with its own connections, accept it at once', async () => {
		const organiser = (await app.staffAuth.resume((await app.staffAuth.login('btc', 'mat-khau-du-dai-1', 'ip') as { data: { token: string } }).data.token))!.actor;
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'leader', agencyId: event.agencies[0].id });
		if (!invited.ok) throw new Error(invited.error.code);
		const processes = [app, ...(await Promise.all([1, 2, 3, 4].map(() => forum.another())))];
		const usersBefore = await app.repos.staff.countUsers();

		// Each process has read the link as unused before any of them writes: only the database's guard can pick one.
		expect(await Promise.all(processes.map((p) => p.invitations.describe(invited.data.token)))).toEqual(processes.map(() => expect.objectContaining({ ok: true })));
		const names = ['lanh.dao.a', 'lanh.dao.b', 'lanh.dao.c', 'lanh.dao.d', 'lanh.dao.e'];
		const results = await Promise.all(processes.map((p, i) => p.invitations.acceptWithNewAccount(invited.data.token, account(names[i]))));

		expect(results.filter((r) => r.ok)).toHaveLength(1);
		for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, error: { code: 'invitation_used' } });
		expect(await app.repos.staff.countUsers()).toBe(usersBefore + 1);
		const winner = await app.repos.staff.findUserByUsername(names[results.findIndex((r) => r.ok)]);
		expect(await app.repos.staff.listRoles(winner!.id)).toEqual([{ eventId: event.id, role: 'leader', agencyId: event.agencies[0].id }]);
	});

	it('keeps the link usable when the account cannot be made (name taken)', async () => {
		const organiser = (await app.staffAuth.resume((await app.staffAuth.login('btc', 'mat-khau-du-dai-1', 'ip') as { data: { token: string } }).data.token))!.actor;
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'moderator', agencyId: null });
		if (!invited.ok) throw new Error(invited.error.code);
		const results = await Promise.all([
			app.invitations.acceptWithNewAccount(invited.data.token, account('btc')),
			app.invitations.acceptWithNewAccount(invited.data.token, account('btc'))
		]);
		for (const r of results) expect(r).toEqual({ ok: false, error: { code: 'username_taken' } });
		expect((await app.invitations.acceptWithNewAccount(invited.data.token, account('mc.f'))).ok).toBe(true);
	});
});
