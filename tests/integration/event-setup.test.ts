import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventSetupInput } from '$lib/domain/event-setup';
import type { StaffActor } from '$lib/domain/staff';
import { createForumApp, type ForumApp } from '$lib/server/app';
import { unlimited } from '$lib/server/services/rate-limit';

let dir: string;
let app: ForumApp;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'dien-dan-setup-'));
	app = createForumApp({ databasePath: join(dir, 'forum.db'), limiter: unlimited });
});

afterEach(() => {
	app.close();
	rmSync(dir, { recursive: true, force: true });
});

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
	moderation: true,
	allowNicknames: true,
	joinOpen: true
};

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
