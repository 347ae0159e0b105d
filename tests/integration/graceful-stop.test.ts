/**
 * Stopping the server (SIGTERM: server.js calls the realtime server's close) loses no
 * acknowledgement: the commands in flight finish and are acked, the vote counts gathering are sent,
 * and only then do the sockets close. New commands meanwhile are not taken.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, sleep, startTestServer, type TestServer } from './harness';

let server: TestServer;
let other: Database.Database | null = null;

afterEach(async () => {
	if (other?.inTransaction) other.exec('ROLLBACK');
	other?.close();
	other = null;
	await server?.close();
});

describe('a graceful stop', () => {
	it('acknowledges the items and votes in flight and sends their counts before closing, and takes no new command', async () => {
		server = await startTestServer();
		const author = await server.connected({ token: (await server.join(0)).token });
		const voter = await server.connected({ token: (await server.join(1)).token });
		const item = await server.submit(author, 'Em muốn có thêm giờ đọc sách ở trường.');
		const counts = collect(voter, 'votes:counted');

		// Another process holds the write lock: the next item and vote wait, in flight, for it.
		other = new Database(server.databasePath);
		other.exec('BEGIN IMMEDIATE');
		const submitted = author.timeout(8000).emitWithAck('submission:submit', {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId: server.event.topics[0].id,
			agencyId: null,
			text: 'Sân chơi của trường em có thể rộng hơn không?'
		});
		const voted = voter.timeout(8000).emitWithAck('vote:set', { submissionId: item.id, voted: true });
		await sleep(200);

		const stopped = server.realtime.close();
		await sleep(100);
		// Sent after the stop began: not taken (the phone resends it to the next server).
		const lateId = crypto.randomUUID();
		author.emit('submission:submit', { id: lateId, kind: 'question', topicId: server.event.topics[0].id, agencyId: null, text: 'Câu hỏi gửi muộn' }, () => {});
		await sleep(200);
		other.exec('COMMIT');
		await stopped;

		const [itemAck, voteAck] = await Promise.all([submitted, voted]);
		expect(itemAck.ok).toBe(true);
		expect(voteAck.ok).toBe(true);
		expect(counts.flat()).toContainEqual({ submissionId: item.id, votes: 1 });
		expect(await server.app.repos.submissions.findById(lateId)).toBeNull();
		if (itemAck.ok) expect(await server.app.repos.submissions.findById(itemAck.data.id)).not.toBeNull();
	});
});
