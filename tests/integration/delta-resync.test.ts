/**
 * A phone that reconnects names how far its view has come and is sent only what changed since:
 * here on real sockets, on SQLite and (the postgres project) on the machine's PostgreSQL, and
 * across a server restart on the same database.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createForumApp, openPostgresStorage } from '$lib/server/app';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { createRealtimeServer } from '$lib/server/realtime/server';
import { unlimited } from '$lib/server/services/rate-limit';
import { DELTA_OVERLAP, MAX_DELTA_VERSIONS } from '$lib/server/services/snapshot-service';
import type { ParticipantDelta, ParticipantSnapshot, SyncCursor } from '$lib/realtime/protocol';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
afterEach(async () => server?.close());

type Synced = ParticipantSnapshot | ParticipantDelta;
async function sync(phone: TestSocket, since?: SyncCursor): Promise<Synced> {
	const ack = await phone.emitWithAck('participant:sync', since ? { since } : {});
	if (!ack.ok) throw new Error(ack.error.code);
	return ack.data;
}
const asDelta = (synced: Synced) => {
	if (!('delta' in synced)) throw new Error('expected a delta, got a full snapshot');
	return synced;
};
const asFull = (synced: Synced) => {
	if ('delta' in synced) throw new Error('expected a full snapshot, got a delta');
	return synced;
};

describe('delta resync', () => {
	it('sends only the items changed since the cursor, with every public count', async () => {
		server = await startTestServer();
		const { token } = await server.join();
		const phone = await server.connected({ token });
		const items = [];
		for (let i = 0; i < 3 * DELTA_OVERLAP; i++) items.push(await server.submit(phone, `Câu hỏi số ${i + 1} về sân chơi của xã`));
		const first = asFull(await sync(phone));
		expect(first.submissions).toHaveLength(items.length);
		expect(first.cursor?.version).toBeGreaterThan(0);

		// Another child votes for the oldest item (no version moves: counts always come whole) and
		// sends a new one; the MC answers the second oldest.
		const [a, b] = items;
		const other = await server.connected({ token: (await server.join(1)).token });
		expect((await other.emitWithAck('vote:set', { submissionId: a.id, voted: true })).ok).toBe(true);
		const d = await server.submit(other, 'Câu hỏi mới về nước sạch');
		const mc = await server.connected({ staff: { token: (await server.staffMember('organiser')).token, eventId: server.event.id } });
		const answered = await mc.emitWithAck('submission:answer', { submissionId: b.id, summary: 'Xã sẽ làm sân chơi', answeredBy: null });
		expect(answered.ok).toBe(true);

		const delta = asDelta(await sync(phone, first.cursor));
		// What changed, and the few just below the cursor that the overlap sends again: nothing else.
		const overlap = items.filter((s) => s.version! > first.cursor!.version - DELTA_OVERLAP).map((s) => s.id);
		expect(delta.changed.map((s) => s.id).sort()).toEqual([...new Set([b.id, d.id, ...overlap])].sort());
		expect(delta.changed.find((s) => s.id === b.id)?.status).toBe('answered');
		expect(delta.changed.length).toBeLessThan(items.length);
		const counts = Object.fromEntries(delta.counts.map((x) => [x.submissionId, x.votes]));
		expect(Object.keys(counts).sort()).toEqual([...items.map((s) => s.id), d.id].sort());
		expect(counts[a.id]).toBe(1);
		expect(delta.mine).toHaveLength(items.length);
		expect(delta.cursor.version).toBeGreaterThan(first.cursor!.version);
	});

	it('phones resyncing from one cursor share a read, and one that comes after a change still gets it', async () => {
		server = await startTestServer();
		const writer = await server.connected({ token: (await server.join()).token });
		for (let i = 0; i < 3; i++) await server.submit(writer, `Câu hỏi số ${i + 1} về đèn đường`);
		const phones = await Promise.all([1, 2, 3].map(async (i) => server.connected({ token: (await server.join(i)).token })));
		const cursor = asFull(await sync(phones[0])).cursor!;
		// A hall coming back at once: the same cursor, the same changed items.
		const together = await Promise.all(phones.slice(0, 2).map((phone) => sync(phone, cursor)));
		expect(asDelta(together[0]).changed).toEqual(asDelta(together[1]).changed);
		// Then the MC answers one: a phone still naming the old cursor gets the answer, not the kept read.
		const [first] = asDelta(together[0]).changed;
		const mc = await server.connected({ staff: { token: (await server.staffMember('organiser')).token, eventId: server.event.id } });
		expect((await mc.emitWithAck('submission:answer', { submissionId: first.id, summary: 'Xã sẽ lắp đèn', answeredBy: null })).ok).toBe(true);
		const later = asDelta(await sync(phones[2], cursor));
		expect(later.changed.find((s) => s.id === first.id)?.status).toBe('answered');
		expect(later.cursor!.version).toBeGreaterThan(cursor.version);
	});

	it('an item that leaves the feed drops out of the counts; a pending one is never sent to other phones', async () => {
		server = await startTestServer({ moderation: true });
		const moderator = await server.connected({ staff: { token: (await server.staffMember('moderator')).token, eventId: server.event.id } });
		const author = await server.connected({ token: (await server.join()).token });
		const watcher = await server.connected({ token: (await server.join(1)).token });
		const shown = await server.submit(author, 'Vì sao sân trường không có bóng cây?');
		expect((await moderator.emitWithAck('moderation:decide', { submissionId: shown.id, decision: 'approve' })).ok).toBe(true);
		const before = asFull(await sync(watcher));
		expect(before.submissions.map((s) => s.id)).toEqual([shown.id]);

		const waiting = await server.submit(author, 'Câu hỏi còn chờ duyệt về an toàn giao thông');
		expect((await author.emitWithAck('submission:withdraw', { submissionId: shown.id })).ok).toBe(true);

		const delta = asDelta(await sync(watcher, before.cursor));
		expect(delta.counts).toEqual([]);
		expect(JSON.stringify(delta)).not.toContain(waiting.id);
		expect(JSON.stringify(delta)).not.toContain('an toàn giao thông');
		// The author's own phone still gets both of its items, whatever their status.
		expect(asDelta(await sync(author, before.cursor)).mine.map((s) => s.id).sort()).toEqual([shown.id, waiting.id].sort());
	});

	it('a cursor from another database, from the future or too far behind gets a full snapshot', async () => {
		server = await startTestServer();
		const phone = await server.connected({ token: (await server.join()).token });
		await server.submit(phone, 'Em muốn có thêm giờ đọc sách');
		const { cursor } = asFull(await sync(phone));
		expect(cursor).toBeDefined();
		asFull(await sync(phone, { epoch: 'another-database', version: cursor!.version }));
		asFull(await sync(phone, { ...cursor!, version: cursor!.version + 1 }));
		asDelta(await sync(phone, cursor));
		for (let i = 0; i <= MAX_DELTA_VERSIONS; i++) await server.submit(phone, `Câu hỏi số ${i} về sân chơi của xã`);
		const behind = asFull(await sync(phone, cursor));
		expect(behind.submissions).toHaveLength(MAX_DELTA_VERSIONS + 2);
	}, 60_000);

	it('refuses a malformed cursor with a clear code', async () => {
		server = await startTestServer();
		const phone = await server.connected({ token: (await server.join()).token });
		const ack = await phone.emitWithAck('participant:sync', { since: { epoch: 'x', version: -1 } } as never);
		expect(ack.ok).toBe(false);
		if (!ack.ok) expect(ack.error.code).toBe('invalid_payload');
	});

	it('continues after a server restart on the same database', async () => {
		server = await startTestServer();
		const { token } = await server.join();
		const phone = await server.connected({ token });
		const kept = await server.submit(phone, 'Câu hỏi trước khi máy chủ khởi động lại');
		const { cursor } = asFull(await sync(phone));
		phone.disconnect();
		// The first server stops as SIGTERM stops it; a second one opens the same database.
		await server.realtime.close();
		await server.app.close();

		const app = createForumApp({
			databasePath: server.databasePath,
			storage: server.postgresUrl ? await openPostgresStorage(server.postgresUrl) : undefined,
			limiter: unlimited
		});
		const http = createServer();
		const realtime = createRealtimeServer(http, app);
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
			const again: TestSocket = io(url, {
				auth: { role: 'participant' },
				extraHeaders: { cookie: `${PARTICIPANT_COOKIE}=${token}` },
				transports: ['websocket'],
				reconnection: false,
				forceNew: true
			});
			await new Promise<void>((resolve, reject) => {
				again.once('connect', () => resolve());
				again.once('connect_error', reject);
			});
			const added = await again.emitWithAck('submission:submit', {
				id: crypto.randomUUID(),
				kind: 'question',
				topicId: server.event.topics[0].id,
				agencyId: null,
				text: 'Câu hỏi sau khi máy chủ khởi động lại'
			});
			if (!added.ok) throw new Error(added.error.code);
			const delta = asDelta(await sync(again, cursor));
			expect(delta.cursor.epoch).toBe(cursor!.epoch);
			expect(delta.changed.map((s) => s.id)).toContain(added.data.id);
			expect(delta.counts.map((c) => c.submissionId).sort()).toEqual([kept.id, added.data.id].sort());
			again.disconnect();
		} finally {
			await realtime.close();
			await new Promise((resolve) => http.close(resolve));
			await app.close();
		}
	});
});
