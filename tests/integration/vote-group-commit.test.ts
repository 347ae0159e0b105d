/**
 * Group commit of votes (vote-service.ts): votes arriving together are stored in one transaction
 * and acknowledged only after it commits. A failing commit acknowledges nobody; a single bad vote
 * costs no other child theirs; every vote is counted once. SQLite and (the postgres project) the
 * machine's PostgreSQL, with a trigger in the real database refusing the writes.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Participant } from '$lib/domain/participant';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(async () => server?.close());

/** Runs SQL on the server's database through a connection of its own, as an administrator would. */
async function onDatabase(statements: { sqlite: string; postgres: string }) {
	if (server.postgresUrl) {
		const client = new pg.Client({ connectionString: server.postgresUrl });
		await client.connect();
		try {
			await client.query(statements.postgres);
		} finally {
			await client.end();
		}
	} else {
		const db = new Database(server.databasePath);
		try {
			db.exec(statements.sqlite);
		} finally {
			db.close();
		}
	}
}

/** Refuses every vote row of one child (or of everyone), inside the database's own transaction. */
const refuseVotesOf = (participantId: string | null) =>
	onDatabase({
		sqlite: `CREATE TRIGGER refuse_votes BEFORE INSERT ON votes ${participantId ? `WHEN NEW.participant_id = '${participantId}'` : ''}
			BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`,
		postgres: `CREATE FUNCTION refuse_votes() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF ${participantId ? `NEW.participant_id = '${participantId}'` : 'true'} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
			CREATE TRIGGER refuse_votes BEFORE INSERT ON votes FOR EACH ROW EXECUTE FUNCTION refuse_votes();`
	});

async function children(n: number): Promise<Participant[]> {
	const out: Participant[] = [];
	for (let i = 0; i < n; i++) {
		const { token } = await server.join(i % server.event.delegations.length);
		const session = await server.app.sessions.resume(token, { renew: false });
		out.push(session!.participant);
	}
	return out;
}

async function anItem() {
	const phone = await server.connected({ token: (await server.join()).token });
	return server.submit(phone, 'Em muốn có thêm sân chơi an toàn');
}

async function stored(submissionId: string) {
	const voters = await server.app.repos.votes.listVoterIds(submissionId);
	const item = await server.app.repos.submissions.findById(submissionId);
	return { voters: voters.length, count: item?.votes };
}

describe('votes are committed in groups', () => {
	it('votes arriving together share one transaction, and each is counted once', async () => {
		server = await startTestServer();
		const item = await anItem();
		const other = await anItem();
		const kids = await children(6);
		const setMany = vi.spyOn(server.app.repos.votes, 'setMany');
		// The same child twice on one item, a vote and its withdrawal, two items: all at once.
		const results = await Promise.all([
			...kids.map((kid) => server.app.votes.setVote(kid, { submissionId: item.id, voted: true })),
			server.app.votes.setVote(kids[0], { submissionId: item.id, voted: true }),
			server.app.votes.setVote(kids[1], { submissionId: other.id, voted: true }),
			server.app.votes.setVote(kids[2], { submissionId: other.id, voted: true }),
			server.app.votes.setVote(kids[2], { submissionId: other.id, voted: false })
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(await stored(item.id)).toEqual({ voters: 6, count: 6 });
		expect(await stored(other.id)).toEqual({ voters: 1, count: 1 });
		// On SQLite the checks before the write do no I/O, so every vote joined the first group, and
		// each ack carries its item's count after the whole group. PostgreSQL's checks await the
		// server, so the votes may form several groups; each ack's count is then that group's.
		if (!server.postgresUrl) {
			expect(setMany).toHaveBeenCalledTimes(1);
			for (const r of results.slice(0, 7)) expect(r.ok && r.data.votes).toBe(6);
		} else for (const r of results.slice(0, 7)) expect(r.ok && r.data.votes).toBeGreaterThan(0);
	});

	it('a failing commit acknowledges nobody and stores nothing', async () => {
		server = await startTestServer();
		const item = await anItem();
		const kids = await children(3);
		await refuseVotesOf(null);
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const results = await Promise.allSettled(kids.map((kid) => server.app.votes.setVote(kid, { submissionId: item.id, voted: true })));
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(await stored(item.id)).toEqual({ voters: 0, count: 0 });
	});

	it('one bad vote in a group costs the others nothing', async () => {
		server = await startTestServer();
		const item = await anItem();
		const kids = await children(3);
		await refuseVotesOf(kids[1].id);
		const results = await Promise.allSettled(kids.map((kid) => server.app.votes.setVote(kid, { submissionId: item.id, voted: true })));
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(await stored(item.id)).toEqual({ voters: 2, count: 2 });
	});

	it('through the socket: the refused vote hears server_error, never ok', async () => {
		server = await startTestServer();
		const item = await anItem();
		const phone = await server.connected({ token: (await server.join(1)).token });
		await refuseVotesOf(null);
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const ack = await phone.emitWithAck('vote:set', { submissionId: item.id, voted: true });
		expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'server_error' }) });
		expect(await stored(item.id)).toEqual({ voters: 0, count: 0 });
	});
});
