import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createForumApp, type ForumApp } from '$lib/server/app';
import { demoEvent } from '$lib/server/demo-event';
import { createRateLimiter } from '$lib/server/services/rate-limit';

const PASSWORD = 'mat-khau-dai-du-10';
let dir: string;
let databasePath: string;
let app: ForumApp;
let clock: number;

const rowCount = () => {
	const db = new Database(databasePath, { readonly: true });
	try {
		return db.prepare('select count(*) from audit_log').pluck().get() as number;
	} finally {
		db.close();
	}
};

beforeEach(async () => {
	clock = Date.UTC(2026, 8, 1, 8, 0, 0);
	dir = mkdtempSync(join(tmpdir(), 'dien-dan-audit-'));
	databasePath = join(dir, 'forum.db');
	app = createForumApp({ databasePath, limiter: createRateLimiter(), now: () => clock });
	await app.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'Ban tổ chức', password: PASSWORD });
});

afterEach(() => {
	app.close();
	rmSync(dir, { recursive: true, force: true });
});

async function organiserActor() {
	const login = await app.staffAuth.login('btc', PASSWORD, 'hall');
	if (!login.ok) throw new Error(login.error.code);
	return (await app.staffAuth.resume(login.data.token))!.actor;
}

describe('refusals from nobody signed in', () => {
	it('are counted and sampled, not stored one row each, and the log still shows the count', async () => {
		const before = rowCount();
		// 300 forged staff cookies on made-up paths, 300 cross-site posts, 300 forged invitation links.
		await Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				Promise.all([
					app.staffAuth.recordInvalidSession(`/staff/events/${crypto.randomUUID()}/${i}`),
					app.audit.refused(null, `form /staff/events/x${i}?/invite`, null, 'cross_origin'),
					app.invitations.describe(`${'a'.repeat(31)}${'bcdefg'[i % 6]}`)
				])
			)
		);
		const added = rowCount() - before;
		// Three kinds: at most three samples and one count each.
		expect(added).toBeLessThanOrEqual(12);

		const log = await app.reads.installationLog(await organiserActor());
		const actions = log!.map((row) => row.action);
		expect(actions).toContain('session ×300');
		expect(actions).toContain('form ×300');
		expect(actions).toContain('invitation ×300');
		// Samples keep what was tried.
		expect(actions.some((a) => a.startsWith('form /staff/events/x'))).toBe(true);
		expect(log!.find((row) => row.action === 'form ×300')).toMatchObject({ outcome: 'refused', detail: 'cross_origin' });
	});

	it('starts a new window each minute', async () => {
		for (let i = 0; i < 10; i++) await app.audit.refused(null, 'form /login', null, 'cross_origin');
		clock += 60_000;
		for (let i = 0; i < 5; i++) await app.audit.refused(null, 'form /login', null, 'cross_origin');
		const log = (await app.reads.installationLog(await organiserActor()))!;
		const actions = log.filter((row) => row.action.startsWith('form')).map((row) => row.action);
		expect(actions.filter((a) => a === 'form /login')).toHaveLength(6);
		expect(actions).toContain('form ×10');
		expect(actions).toContain('form ×5');
	});

	it('stays bounded when every attempt invents a new kind', async () => {
		const before = rowCount();
		for (let i = 0; i < 1000; i++) await app.audit.refused(null, `kind${i} x`, null, 'forbidden');
		expect(rowCount() - before).toBeLessThanOrEqual(100 * 3 + 4);
	});

	it('still stores every refusal of a signed-in staff member', async () => {
		const actor = await organiserActor();
		const before = rowCount();
		for (let i = 0; i < 20; i++) await app.audit.refused(actor, 'event:edit', null, 'forbidden');
		expect(rowCount() - before).toBe(20);
	});

	it('samples guessed usernames, but keeps each failure against a real account', async () => {
		const event = demoEvent(() => crypto.randomUUID(), 'audit-display-key-0000000');
		await app.repos.events.create(event);
		const before = rowCount();
		for (let i = 0; i < 50; i++) await app.staffAuth.login(`nobody${i}`, 'wrong-password', `10.0.0.${i}`);
		expect(rowCount() - before).toBeLessThanOrEqual(4);
		const log = (await app.reads.installationLog(await organiserActor()))!;
		expect(log.map((row) => row.action)).toContain('login ×50');
	});
});
