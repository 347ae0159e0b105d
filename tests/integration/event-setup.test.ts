import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventSetupInput } from '$lib/domain/event-setup';
import type { StaffActor } from '$lib/domain/staff';
import type { ForumApp } from '$lib/server/app';
import { unlimited } from '$lib/server/services/rate-limit';
import { openTestForumApp, type TestForumApp } from './forum-app';

let forum: TestForumApp;
let app: ForumApp;

beforeEach(async () => {
	forum = await openTestForumApp({ limiter: unlimited });
	app = forum.app;
});

afterEach(() => forum.close());

const input: EventSetupInput = {
	title: 'Diễn đàn trẻ em tỉnh Kon Tum năm 2023',
	level: 'province',
	organisingUnit: 'Sở LĐ-TB&XH',
	venue: '',
	date: '',
	theme: 'Trẻ em tham gia xây dựng môi trường sống an toàn',
	topics: 'Phòng, chống bạo lực, xâm hại trẻ em\nBảo vệ trẻ em trên môi trường mạng',
	delegations: 'Thành phố Kon Tum\nHuyện Đăk Hà',
	agencies: 'Sở Giáo dục và Đào tạo\nCông an tỉnh',
	agenda: 'Khai mạc | 10 | Lãnh đạo tỉnh\nĐối thoại | 60 | MC',
	followUpDays: '30',
	wordFilter: '',
	moderation: true,
	allowNicknames: true,
	joinOpen: true
};

/** The actor as a new request would see it: roles granted since the last sign-in included. */
async function signedIn(username = 'btc'): Promise<StaffActor> {
	const login = await app.staffAuth.login(username, 'mat-khau-du-dai', 'ip');
	if (!login.ok) throw new Error(login.error.code);
	return (await app.staffAuth.resume(login.data.token))!.actor;
}

async function organiserAccount(): Promise<StaffActor> {
	await app.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'BTC', password: 'mat-khau-du-dai' });
	const login = await app.staffAuth.login('btc', 'mat-khau-du-dai', 'ip');
	if (!login.ok) throw new Error(login.error.code);
	return (await app.staffAuth.resume(login.data.token))!.actor;
}

describe('creating an event', () => {
	it('stores the event with its lists, a fresh join code, and makes the creator its organiser', async () => {
		const actor = await organiserAccount();
		const created = await app.eventSetup.create(actor, input);
		if (!created.ok) throw new Error(created.error.code);

		const event = await app.events.findByJoinCode(created.data.code);
		expect(event).toMatchObject({ title: input.title, level: 'province', moderation: true });
		expect(event?.topics.map((t) => t.name)).toEqual(['Phòng, chống bạo lực, xâm hại trẻ em', 'Bảo vệ trẻ em trên môi trường mạng']);
		expect(event?.agencies).toHaveLength(2);
		expect(await app.repos.staff.listRoles(actor.userId)).toEqual([
			{ eventId: created.data.id, role: 'organiser', agencyId: null }
		]);

		const second = await app.eventSetup.create(actor, input);
		expect(second.ok && second.data.code).not.toBe(created.data.code);
	});

	it('refuses anyone who is not an organiser account, and stores nothing', async () => {
		const moderator: StaffActor = { userId: 'm', canCreateEvents: false, roles: [{ eventId: 'e', role: 'moderator', agencyId: null }] };
		expect(await app.eventSetup.create(null, input)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await app.eventSetup.create(moderator, input)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await app.repos.events.count()).toBe(0);
	});

	it('refuses an invalid event and stores nothing', async () => {
		const actor = await organiserAccount();
		expect(await app.eventSetup.create(actor, { ...input, delegations: ' ' })).toEqual({
			ok: false,
			error: { code: 'delegations_missing' }
		});
		expect(await app.repos.events.count()).toBe(0);
	});
});

describe('editing an event', () => {
	async function createdEvent() {
		const actor = await organiserAccount();
		const created = await app.eventSetup.create(actor, {
			...input,
			topics: 'Phòng, chống bạo lực, xâm hại trẻ em | Công an tỉnh\nBảo vệ trẻ em trên môi trường mạng'
		});
		if (!created.ok) throw new Error(created.error.code);
		return { actor: await signedIn(), event: (await app.repos.events.findById(created.data.id))! };
	}

	it('stores the agenda, the follow-up period and each topic’s default agency', async () => {
		const { event } = await createdEvent();
		expect(event.agenda.map(({ title, plannedMinutes, presenter }) => [title, plannedMinutes, presenter])).toEqual([
			['Khai mạc', 10, 'Lãnh đạo tỉnh'],
			['Đối thoại', 60, 'MC']
		]);
		expect(event.followUpDays).toBe(30);
		const police = event.agencies.find((a) => a.name === 'Công an tỉnh')!;
		expect(event.topics.map((t) => t.agencyId)).toEqual([police.id, null]);
	});

	it('keeps the ids of kept entries, so joined children stay in their delegation', async () => {
		const { actor, event } = await createdEvent();
		const form = (await app.eventSetup.formOf(actor, event.id))!;
		const edited = await app.eventSetup.update(actor, event.id, {
			...form,
			title: 'Diễn đàn trẻ em tỉnh Kon Tum năm 2023 (sửa)',
			delegations: `${form.delegations}\nHuyện Sa Thầy`,
			followUpDays: '45'
		});
		expect(edited.ok).toBe(true);
		const after = (await app.repos.events.findById(event.id))!;
		expect(after.title).toMatch(/sửa/);
		expect(after.followUpDays).toBe(45);
		expect(after.code).toBe(event.code);
		expect(after.delegations.slice(0, 2)).toEqual(event.delegations);
		expect(after.delegations[2].name).toBe('Huyện Sa Thầy');
		expect(after.topics).toEqual(event.topics);
	});

	it('refuses to remove a delegation a child has joined, and changes nothing', async () => {
		const { actor, event } = await createdEvent();
		const joined = await app.sessions.join(event, { delegationId: event.delegations[0].id, nickname: null, showNickname: false }, 'ip');
		expect(joined.ok).toBe(true);
		const form = (await app.eventSetup.formOf(actor, event.id))!;
		const edited = await app.eventSetup.update(actor, event.id, { ...form, title: 'Đổi tên', delegations: 'Huyện Đăk Hà' });
		expect(edited).toEqual({ ok: false, error: { code: 'entry_in_use' } });
		expect(await app.repos.events.findById(event.id)).toEqual(event);
	});

	it('drops a removed agency from the topics that named it', async () => {
		const { actor, event } = await createdEvent();
		const form = (await app.eventSetup.formOf(actor, event.id))!;
		const edited = await app.eventSetup.update(actor, event.id, {
			...form,
			agencies: 'Sở Giáo dục và Đào tạo',
			topics: 'Phòng, chống bạo lực, xâm hại trẻ em\nBảo vệ trẻ em trên môi trường mạng'
		});
		expect(edited.ok).toBe(true);
		const after = (await app.repos.events.findById(event.id))!;
		expect(after.agencies.map((a) => a.name)).toEqual(['Sở Giáo dục và Đào tạo']);
		expect(after.topics.map((t) => t.agencyId)).toEqual([null, null]);
	});

	it('lets only the event’s organisers edit, and logs the refusal for them', async () => {
		const { actor, event } = await createdEvent();
		const created = await app.staffAuth.createAccount({ username: 'mc-nam', displayName: 'MC', password: 'mat-khau-du-dai' }, false);
		if (!created.ok) throw new Error(created.error.code);
		await app.repos.staff.grantRole(created.data.userId, { eventId: event.id, role: 'moderator', agencyId: null });
		const moderator: StaffActor = {
			userId: created.data.userId,
			canCreateEvents: false,
			roles: [{ eventId: event.id, role: 'moderator', agencyId: null }]
		};
		const form = (await app.eventSetup.formOf(actor, event.id))!;
		expect(await app.eventSetup.formOf(moderator, event.id)).toBeNull();
		expect(await app.eventSetup.update(moderator, event.id, { ...form, title: 'Hack' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect((await app.repos.events.findById(event.id))?.title).toBe(event.title);
		const log = await app.repos.audit.listForEvent(event.id, 10);
		expect(log[0]).toMatchObject({ action: 'event:edit', outcome: 'refused', detail: 'forbidden', username: 'mc-nam' });
		expect(log.at(-1)).toMatchObject({ action: 'event:create', outcome: 'done', username: 'btc' });
	});
});

describe('copying last year’s event', () => {
	it('starts from its form and links the new event to it', async () => {
		const actor = await organiserAccount();
		const last = await app.eventSetup.create(actor, input);
		if (!last.ok) throw new Error(last.error.code);
		const fresh = await signedIn();
		const form = (await app.eventSetup.formOf(fresh, last.data.id))!;
		const next = await app.eventSetup.create(fresh, { ...form, title: 'Diễn đàn trẻ em tỉnh Kon Tum năm 2024', date: '' }, last.data.id);
		if (!next.ok) throw new Error(next.error.code);
		const [before, after] = await Promise.all([app.repos.events.findById(last.data.id), app.repos.events.findById(next.data.id)]);
		expect(after?.predecessorId).toBe(last.data.id);
		expect(after?.topics.map((t) => t.name)).toEqual(before?.topics.map((t) => t.name));
		expect(after?.agenda.map((a) => a.title)).toEqual(before?.agenda.map((a) => a.title));
		// New lists, new ids: this year's children and items never point into last year's forum.
		expect(after?.delegations[0].id).not.toBe(before?.delegations[0].id);
		expect(after?.code).not.toBe(before?.code);
	});

	it('refuses to copy a forum the organiser does not run', async () => {
		const actor = await organiserAccount();
		const stranger: StaffActor = { userId: 'x', canCreateEvents: true, roles: [] };
		const last = await app.eventSetup.create(actor, input);
		if (!last.ok) throw new Error(last.error.code);
		expect(await app.eventSetup.formOf(stranger, last.data.id)).toBeNull();
		expect(await app.eventSetup.create(stranger, input, last.data.id)).toEqual({ ok: false, error: { code: 'forbidden' } });
	});
});
