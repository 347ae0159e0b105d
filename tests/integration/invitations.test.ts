import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { StaffActor } from '$lib/domain/staff';
import type { ForumApp } from '$lib/server/app';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

const DAY = 24 * 60 * 60 * 1000;
let forum: TestForumApp;
let app: ForumApp;
let event: EventDetails;
let organiser: StaffActor;
let clock: number;

const account = (username: string) => ({ username, displayName: `Cán bộ ${username}`, password: 'mat-khau-du-dai-1' });

async function actorOf(token: string) {
	return (await app.staffAuth.resume(token))!.actor;
}

beforeEach(async () => {
	clock = Date.UTC(2026, 8, 1);
	forum = await openTestForumApp({ limiter: unlimited, now: () => clock });
	app = forum.app;
	const setup = await app.staffAuth.setupFirstOrganiser(account('btc'));
	if (!setup.ok) throw new Error(setup.error.code);
	const seed = demoEvent(() => crypto.randomUUID(), 'invite-display-key-000000');
	await app.repos.events.create(seed);
	event = (await app.repos.events.findById(seed.id))!;
	const btc = await app.repos.staff.findUserByUsername('btc');
	await app.repos.staff.grantRole(btc!.id, { eventId: event.id, role: 'organiser', agencyId: null });
	organiser = await actorOf(setup.data.token);
});

afterEach(() => forum.close());

describe('invitations', () => {
	it('gives a new leader exactly the role and agency they were invited to, once', async () => {
		const health = event.agencies.find((a) => a.name === 'Trung tâm Y tế')!;
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'leader', agencyId: health.id });
		if (!invited.ok) throw new Error(invited.error.code);

		expect(await app.invitations.describe(invited.data.token)).toEqual({
			ok: true,
			data: { eventTitle: event.title, role: 'leader', agencyName: 'Trung tâm Y tế' }
		});
		const accepted = await app.invitations.acceptWithNewAccount(invited.data.token, account('lanh.dao'));
		if (!accepted.ok) throw new Error(accepted.error.code);
		expect((await actorOf(accepted.data.token)).roles).toEqual([{ eventId: event.id, role: 'leader', agencyId: health.id }]);
		expect((await actorOf(accepted.data.token)).canCreateEvents).toBe(false);

		expect(await app.invitations.acceptWithNewAccount(invited.data.token, account('someone.else'))).toEqual({
			ok: false,
			error: { code: 'invitation_used' }
		});
		expect(await app.repos.staff.findUserByUsername('someone.else')).toBeNull();
	});

	it('lets a signed-in staff member take a role onto their account', async () => {
		const other = await app.staffAuth.createAccount(account('mc1'), false);
		if (!other.ok) throw new Error(other.error.code);
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'moderator', agencyId: null });
		if (!invited.ok) throw new Error(invited.error.code);
		expect(await app.invitations.acceptAsUser(invited.data.token, other.data.userId)).toEqual({ ok: true, data: { eventId: event.id } });
		expect(await app.repos.staff.listRoles(other.data.userId)).toEqual([{ eventId: event.id, role: 'moderator', agencyId: null }]);
	});

	it('refuses expired, forged and reused links', async () => {
		const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'moderator', agencyId: null });
		if (!invited.ok) throw new Error(invited.error.code);
		clock += 8 * DAY;
		expect(await app.invitations.describe(invited.data.token)).toEqual({ ok: false, error: { code: 'invitation_expired' } });
		expect(await app.invitations.describe('a'.repeat(32))).toEqual({ ok: false, error: { code: 'invitation_invalid' } });
		expect(await app.invitations.describe('<script>')).toEqual({ ok: false, error: { code: 'invitation_invalid' } });
	});

	it('lets only the event’s organisers invite, with an agency exactly for agency-bound roles', async () => {
		const mc = await app.staffAuth.createAccount(account('mc2'), false);
		if (!mc.ok) throw new Error(mc.error.code);
		await app.repos.staff.grantRole(mc.data.userId, { eventId: event.id, role: 'moderator', agencyId: null });
		const login = await app.staffAuth.login('mc2', 'mat-khau-du-dai-1', 'ip');
		if (!login.ok) throw new Error(login.error.code);
		const moderator = await actorOf(login.data.token);

		const request = { eventId: event.id, role: 'moderator', agencyId: null };
		expect(await app.invitations.invite(moderator, request)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await app.invitations.invite(null, request)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await app.invitations.invite(organiser, { ...request, eventId: 'other-event' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await app.invitations.invite(organiser, { ...request, role: 'leader' })).toEqual({
			ok: false,
			error: { code: 'agency_required' }
		});
		expect(await app.invitations.invite(organiser, { ...request, agencyId: event.agencies[0].id })).toEqual({
			ok: false,
			error: { code: 'agency_required' }
		});
		expect(await app.invitations.invite(organiser, { ...request, role: 'leader', agencyId: 'foreign' })).toEqual({
			ok: false,
			error: { code: 'unknown_agency' }
		});
		expect(await app.invitations.invite(organiser, { ...request, role: 'admin' })).toEqual({
			ok: false,
			error: { code: 'invalid_payload' }
		});
	});
});
