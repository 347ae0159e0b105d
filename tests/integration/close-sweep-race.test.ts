/**
 * The close-session sweep run by two processes at once (two organisers pressing "close", or one
 * pressing twice on two processes): on one PostgreSQL database, each approved item is handed over
 * exactly once, with one follow-up and one first history entry, and neither command fails. The
 * row guard (status still 'approved') makes the second sweep skip what the first one took; the
 * transaction makes each sweep all or nothing. SQLite runs one transaction at a time in one
 * process, so the race is PostgreSQL's (the postgres project).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { StaffActor } from '$lib/domain/staff';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import { freshPostgres, type FreshPostgres } from './postgres';

let database: FreshPostgres | null = null;
const apps: ForumApp[] = [];

afterEach(async () => {
	for (const app of apps.splice(0)) await app.close();
	await database?.drop();
	database = null;
});

async function process(url: string) {
	const app = createForumApp({ storage: await openPostgresStorage(url), limiter: unlimited });
	apps.push(app);
	return app;
}

async function organiserOn(apps: ForumApp[], eventId: string): Promise<StaffActor[]> {
	const [first] = apps;
	const username = `organiser-${crypto.randomUUID().slice(0, 8)}`;
	const created = await first.staffAuth.createAccount({ username, displayName: username, password: 'mat-khau-du-dai' }, false);
	if (!created.ok) throw new Error(created.error.code);
	await first.repos.staff.grantRole(created.data.userId, { eventId, role: 'organiser', agencyId: null });
	const login = await first.staffAuth.login(username, 'mat-khau-du-dai', 'test');
	if (!login.ok) throw new Error(login.error.code);
	return Promise.all(apps.map(async (app) => (await app.staffAuth.resume(login.data.token))!.actor));
}

/** How many other connections wait for a row lock now. */
async function waitingOnLocks(client: pg.Client) {
	const { rows } = await client.query<{ n: number }>(
		"select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
	);
	return rows[0].n;
}

describe.runIf(globalThis.process.env.TEST_STORAGE === 'postgres')('closing the session on two processes at once', () => {
	it('hands every approved item over exactly once, and both commands succeed', async () => {
		database = await freshPostgres({ migrated: true });
		const [a, b] = [await process(database.url), await process(database.url)];
		const seed = demoEvent(() => crypto.randomUUID(), 'test-display-key-0123456789');
		await a.repos.events.create({ ...seed, moderation: true });
		const event = (await a.repos.events.findById(seed.id)) as EventDetails;
		const [onA, onB] = await organiserOn([a, b], event.id);

		const ids: string[] = [];
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < 25; i++) {
				const joined = await a.sessions.join(event, { delegationId: event.delegations[i % event.delegations.length].id, nickname: null, showNickname: false }, 'test');
				if (!joined.ok) throw new Error(joined.error.code);
				const item = await (i % 2 ? a : b).submissions.submit(joined.data.participant, {
					id: crypto.randomUUID(),
					kind: i % 3 ? 'question' : 'recommendation',
					topicId: event.topics[i % event.topics.length].id,
					agencyId: null,
					text: `Câu hỏi số ${round * 25 + i} của các em về trường học`
				});
				if (!item.ok) throw new Error(item.error.code);
				await a.repos.submissions.transition(item.data.id, ['pending'], { status: 'approved' });
				ids.push(item.data.id);
			}
			// Both sweeps at once, from both processes. A third connection holds the round's rows
			// (FOR SHARE) until both sweeps have read the same approved list and are writing, so they
			// really overlap: each then finds, row by row, whether the other took it first.
			const holder = new pg.Client({ connectionString: database.url });
			await holder.connect();
			await holder.query('begin');
			await holder.query('select id from submissions where id = any($1) for share', [ids.slice(-25)]);
			const sweeps = Promise.all([a.followUps.closeSession(onA, event.id), b.followUps.closeSession(onB, event.id)]);
			await expect.poll(() => waitingOnLocks(holder), { timeout: 5000 }).toBe(2);
			await holder.query('commit');
			await holder.end();
			const [first, second] = await sweeps;
			expect(first.ok && second.ok).toBe(true);
			if (first.ok && second.ok) expect(first.data.followUps + second.data.followUps).toBe(25);
		}

		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			const { rows: statuses } = await client.query<{ status: string; n: number }>(
				'select status, count(*)::int as n from submissions where id = any($1) group by status',
				[ids]
			);
			expect(statuses).toEqual([{ status: 'follow_up', n: 75 }]);
			const { rows: followUps } = await client.query<{ submission_id: string; n: number; history: number }>(
				`select f.submission_id, count(distinct f.id)::int as n, count(h.*)::int as history
				 from follow_ups f left join follow_up_history h on h.follow_up_id = f.id
				 where f.submission_id = any($1) group by f.submission_id`,
				[ids]
			);
			expect(followUps).toHaveLength(75);
			expect(followUps.filter((row) => row.n !== 1 || row.history !== 1)).toEqual([]);
		} finally {
			await client.end();
		}
	});
});
