/**
 * The tick owner behind real Socket.IO servers: two processes with the Redis adapter and tick
 * leases (as runtime.ts runs them with REDIS_URL), phones voting on both, a screen on each. Every
 * screen sees one stream of counts, from the owner only: each count at most once per tick, never
 * going backwards, ending at what the database holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DISPLAY_KEY, type TestSocket } from './harness';
import { eventually, startProcesses } from './redis-processes';

let cluster: Awaited<ReturnType<typeof startProcesses>> | null = null;

afterEach(async () => {
	await cluster?.close();
	cluster = null;
});

type Counts = { submissionId: string; votes: number }[];

function heard(screen: TestSocket) {
	const messages: Counts[] = [];
	screen.on('votes:counted', (counts) => void messages.push(counts));
	return messages;
}

describe('vote counts from one owner, across processes', () => {
	it('gives every screen one stream of counts that never goes backwards and ends at the database’s figures', async () => {
		cluster = await startProcesses({ tickLeases: true });
		const [a, b] = cluster.processes;
		const author = await a.connected({ token: await cluster.join(a) });
		const ack = await author.emitWithAck('submission:submit', cluster.item('Em muốn trường có thêm sân bóng'));
		if (!ack.ok) throw new Error(ack.error.code);
		const item = ack.data.id;
		const screens = [await a.connected({ displayKey: DISPLAY_KEY }), await b.connected({ displayKey: DISPLAY_KEY })];
		const streams = screens.map(heard);
		const phones = await Promise.all(Array.from({ length: 30 }, async (_, i) => (i % 2 ? a : b).connected({ token: await cluster!.join(i % 2 ? a : b) })));

		const acks = await Promise.all(phones.map((phone) => phone.emitWithAck('vote:set', { submissionId: item, voted: true })));
		expect(acks.every((voted) => voted.ok)).toBe(true);
		const stored = (await a.app.repos.votes.countsOf([item]))[0].votes;
		expect(stored).toBe(30);

		for (const stream of streams) {
			expect(await eventually(() => stream.flat().at(-1)?.votes === stored)).toBe(true);
			const values = stream.flat().map((c) => c.votes);
			expect(values).toEqual([...values].sort((x, y) => x - y));
			// One message per tick for the event, never one per vote, nor one per process.
			expect(new Set(values).size).toBe(values.length);
		}
		expect([...a.app.tickOwner!.owned(), ...b.app.tickOwner!.owned()]).toEqual([cluster.event.id]);
	});
});
