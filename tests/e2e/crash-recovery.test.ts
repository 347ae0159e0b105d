/**
 * Reliability of the live channel against the production build, each on a server of the test's own
 * (own-server.ts), never the shared web server:
 * - a crash (SIGKILL) in the middle of a storm of items and votes loses nothing that was acknowledged
 *   and stores nothing twice, and every phone and the screen come back by themselves, consistent;
 * - 1,000 phones come back after a server restart, every one of them resynced;
 * - a phone that silently stops answering, and a frozen server, are noticed within the heartbeat.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type TestInfo } from '@playwright/test';
import { runnerImport } from 'vite';
import type { DisplayRoom } from '../../src/lib/client/display-room.svelte';
import type { ParticipantSnapshot, SubmitSubmissionInput } from '../../src/lib/realtime/protocol';
import { HEARTBEAT, SILENCE_NOTICED_WITHIN_MS } from '../../src/lib/server/realtime/heartbeat';
import { cards, expectOnline, joinForum, newPhone, submitItem, TOPICS, uniqueText, unsent } from './helpers';
import {
	connected,
	inBatches,
	joinChild,
	liveSocket,
	participantOf,
	sleep,
	startOwnServer,
	waitFor,
	type LiveSocket,
	type OwnServer
} from './own-server';

const ACK_TIMEOUT_MS = 8000;

function report(testInfo: TestInfo, type: string, description: string) {
	testInfo.annotations.push({ type, description });
	console.log(`[${testInfo.title}] ${type}: ${description}`);
}

/** The servers the running test started: killed after it, their output attached when it failed. */
const servers: OwnServer[] = [];
async function ownServer(label: string): Promise<OwnServer> {
	const server = await startOwnServer(label);
	servers.push(server);
	return server;
}
test.afterEach(async ({}, testInfo) => {
	for (const server of servers.splice(0)) {
		if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach(`server-log-${server.port}`, { body: server.log(), contentType: 'text/plain' });
		await server.dispose();
	}
});

/**
 * One simulated phone, behaving as src/lib/client/participant-room.svelte.ts does: an item goes to
 * the outbox first and leaves it only when the server acknowledged it; after every (re)connect the
 * phone resyncs (`participant:sync`), then resends what is still in the outbox with the same ids.
 * Votes are not queued. Sends only while connected (as the room checks `socket.connected`).
 */
class SimulatedPhone {
	readonly socket: LiveSocket;
	readonly outbox = new Map<string, SubmitSubmissionInput>();
	/** Items whose ack said ok, as sent. */
	readonly ackedItems = new Map<string, SubmitSubmissionInput>();
	readonly ackedVotes = new Set<string>();
	/** Every vote sent, acknowledged or not: what the database may hold for this child. */
	readonly triedVotes = new Set<string>();
	/** Items this phone knows are public (from syncs and broadcasts). */
	readonly known = new Set<string>();
	/** Resends of an item the server had already stored: the server must answer with it, not a copy. */
	resentStored = 0;
	connects = 0;
	syncs = 0;
	refusals: string[] = [];
	#flushing = false;
	#inFlight = 0;
	#counter = 0;

	constructor(
		server: OwnServer,
		readonly name: string,
		readonly participantId: string,
		cookie: string,
		transports: ('polling' | 'websocket')[]
	) {
		this.socket = liveSocket(server, { role: 'participant' }, { cookie, transports });
		this.socket.on('connect', async () => {
			this.connects++;
			const synced = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('participant:sync', {}).catch(() => null);
			if (synced?.ok) {
				this.syncs++;
				for (const item of synced.data.submissions) this.known.add(item.id);
			}
			void this.flush();
		});
		this.socket.on('submission:added', (item) => this.known.add(item.id));
	}

	get settled() {
		return this.outbox.size === 0 && this.#inFlight === 0 && !this.#flushing;
	}

	/** Within the server's 10 items per child per minute, so every item can be delivered during the test. */
	get canWrite() {
		return this.#counter < 7;
	}

	/** What it is still waiting for, when a wait times out. */
	get state() {
		return `${this.name}: outbox ${this.outbox.size}, in flight ${this.#inFlight}, flushing ${this.#flushing}, connected ${this.socket.connected}, ${this.refusals.join(' ')}`;
	}

	write(topicId: string) {
		const id = crypto.randomUUID();
		this.#counter++;
		const text = `Ý kiến thử số ${this.#counter} của ${this.name} (${id.slice(0, 8)})`;
		this.outbox.set(id, { id, kind: 'question', topicId, agencyId: null, text });
		void this.flush();
	}

	/** As if the ack of an item the server stored had been lost on the way: the phone sends it again. */
	forgetAck(id: string | undefined) {
		const input = id && this.ackedItems.get(id);
		if (input) this.outbox.set(input.id, input);
	}

	async flush() {
		if (this.#flushing) return;
		this.#flushing = true;
		try {
			while (this.outbox.size && this.socket.connected) {
				const input = this.outbox.values().next().value as SubmitSubmissionInput;
				const wasAcked = this.ackedItems.has(input.id);
				const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('submission:submit', input).catch(() => null);
				if (!ack || (!ack.ok && (ack.error.code === 'rate_limited' || ack.error.code === 'server_error'))) {
					if (ack) this.refusals.push(`submit ${ack.error.code} (retried)`);
					// Not delivered, or a passing refusal: still unsent; a retry or the next connect sends it.
					setTimeout(() => void this.flush(), 1000);
					break;
				}
				this.outbox.delete(input.id);
				if (!ack.ok) {
					this.refusals.push(`submit ${ack.error.code}`);
					continue;
				}
				if (ack.data.id !== input.id || ack.data.text !== input.text) this.refusals.push('submit answered with another item');
				if (wasAcked) this.resentStored++;
				this.ackedItems.set(input.id, input);
			}
		} finally {
			this.#flushing = false;
		}
	}

	async vote() {
		if (!this.socket.connected) return;
		const choices = [...this.known].filter((id) => !this.triedVotes.has(id) && !this.ackedItems.has(id) && !this.outbox.has(id));
		if (!choices.length) return;
		const submissionId = choices[Math.floor(Math.random() * choices.length)];
		this.triedVotes.add(submissionId);
		this.#inFlight++;
		try {
			const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('vote:set', { submissionId, voted: true }).catch(() => null);
			if (ack?.ok) this.ackedVotes.add(submissionId);
			else if (ack && ack.error.code !== 'rate_limited') this.refusals.push(`vote ${ack.error.code}`);
		} finally {
			this.#inFlight--;
		}
	}
}

function sameSet(a: Iterable<string>, b: Iterable<string>): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((x) => right.has(x));
}

/**
 * The projection screen's own client logic (src/lib/client/display-room.svelte.ts, the class the
 * screen page runs), loaded through Vite and driven over a Node socket instead of a browser's.
 * It resyncs on every connect and keeps its lists and counts live from the broadcasts.
 */
class RealScreen {
	socket!: LiveSocket;
	connects = 0;
	syncs = 0;
	readonly close: () => void;
	readonly #room: DisplayRoom;

	constructor(server: OwnServer, Room: typeof DisplayRoom) {
		const stage = { onScreen: null, onScreenSince: null, next: [], agenda: null, review: null };
		this.#room = new Room({ submissions: [], participantCount: 0, stage, counters: null!, polls: [] });
		this.close = this.#room.connect(server.event.displayKey, (auth) => {
			this.socket = liveSocket(server, auth as { role: 'display'; displayKey: string });
			this.socket.on('connect', () => this.connects++);
			// Counts the syncs the server answered, as they reach the room (`timeout()` returns the socket).
			const emit = this.socket.emitWithAck.bind(this.socket) as (event: string, input: object) => Promise<{ ok: boolean }>;
			(this.socket as unknown as { emitWithAck: typeof emit }).emitWithAck = async (event, input) => {
				const result = await emit(event, input);
				if (event === 'display:sync' && result.ok) this.syncs++;
				return result;
			};
			return this.socket;
		});
	}

	/** What the screen shows: every item and its count, as the page draws them. */
	get items(): Map<string, number> {
		return new Map(this.#room.top.map((item) => [item.id, item.votes]));
	}
}

/** Loads a browser module of the app the way the dev server would, for a test to drive in Node. */
async function clientModule<T>(path: string): Promise<T> {
	const { svelte } = await import('@sveltejs/vite-plugin-svelte');
	const root = fileURLToPath(new URL('../../', import.meta.url));
	const { module } = await runnerImport<T>(join(root, path), {
		configFile: false,
		root,
		logLevel: 'error',
		plugins: [svelte({ configFile: false })],
		resolve: { alias: { $lib: join(root, 'src/lib') } }
	});
	return module;
}

interface StoredState {
	items: { id: string; participantId: string; text: string; status: string; votes: number; rows: number }[];
	votes: { submissionId: string; participantId: string }[];
}

function storedState(server: OwnServer): StoredState {
	return server.read((db) => ({
		items: db
			.prepare(
				`select s.id, s.participant_id as participantId, s.text, s.status, s.vote_count as votes,
					(select count(*) from votes v where v.submission_id = s.id) as rows
				 from submissions s where s.event_id = ?`
			)
			.all(server.event.id) as StoredState['items'],
		votes: db.prepare('select submission_id as submissionId, participant_id as participantId from votes').all() as StoredState['votes']
	}));
}

test('a crash in the middle of a storm loses no acknowledged item or vote and stores none twice', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const CHILDREN = 40;
	const phones: SimulatedPhone[] = [];
	let screen: RealScreen | null = null;
	let storming = true;
	const browserPhone = await newPhone(browser);
	try {
		const own = await ownServer('crash');
		const { event } = own;

		// Forty children join through the join form; a quarter of them on long-polling (then upgraded).
		const cookies = await inBatches(Array.from({ length: CHILDREN }, (_, i) => i), 10, (i) =>
			joinChild(own, event.delegations[i % event.delegations.length])
		);
		for (const [i, cookie] of cookies.entries())
			phones.push(new SimulatedPhone(own, `em ${i + 1}`, participantOf(own, cookie), cookie, i % 4 === 0 ? ['polling', 'websocket'] : ['websocket']));
		const { DisplayRoom } = await clientModule<typeof import('../../src/lib/client/display-room.svelte')>('src/lib/client/display-room.svelte.ts');
		screen = new RealScreen(own, DisplayRoom);
		await Promise.all([...phones.map((p) => connected(p.socket)), connected(screen.socket)]);
		await waitFor('every phone and the screen to sync', () => phones.every((p) => p.syncs === 1) && screen!.syncs === 1, 15_000);

		// One real phone in Chromium, with the app's own outbox and reconnection.
		const { page } = browserPhone;
		await page.goto(`${own.origin}/j/${event.code}`);
		await joinForum(page, 'Xã Tú Xuyên');
		const beforeCrash = uniqueText('Em mong có thêm sân chơi trước sự cố');
		await submitItem(page, { text: beforeCrash, topic: TOPICS.play });
		await expect(cards(page, 'mine', beforeCrash)).toHaveCount(1);

		// The storm: every child writes now and then and votes for others' items, without pause.
		const storm = (async () => {
			while (storming) {
				for (const phone of phones) {
					if (phone.canWrite && Math.random() < 0.05) phone.write(event.topics[Math.floor(Math.random() * event.topics.length)]);
					if (Math.random() < 0.12) void phone.vote();
				}
				await sleep(100);
			}
		})();

		// At least four seconds of it, and enough acknowledged traffic to lose (slower on a busy machine).
		await sleep(4000);
		const ackedItemCount = () => phones.reduce((n, p) => n + p.ackedItems.size, 0);
		const ackedVoteCount = () => phones.reduce((n, p) => n + p.ackedVotes.size, 0);
		await waitFor('30 items and 60 votes acknowledged', () => ackedItemCount() >= 30 && ackedVoteCount() >= 60, 60_000);
		// Crash: SIGKILL, nothing flushed, no goodbye to the sockets.
		await own.stop('SIGKILL');
		const killedAt = Date.now();
		const ackedItemsAtKill = phones.flatMap((p) => [...p.ackedItems.keys()].map((id) => ({ phone: p, id })));
		const ackedVotesAtKill = phones.flatMap((p) => [...p.ackedVotes].map((id) => ({ phone: p, id })));
		const unackedAtKill = phones.reduce((n, p) => n + p.outbox.size, 0);
		// Acks lost in the crash: each phone sends its last confirmed item again after reconnecting.
		for (const phone of phones) phone.forgetAck([...phone.ackedItems.keys()].at(-1));
		const ackLost = phones.filter((p) => p.ackedItems.size > 0).length;
		const connectsAtKill = phones.map((p) => p.connects);
		const screenConnectsAtKill = screen.connects;
		expect(ackedItemsAtKill.length, 'items acknowledged before the crash').toBeGreaterThanOrEqual(30);
		expect(ackedVotesAtKill.length, 'votes acknowledged before the crash').toBeGreaterThanOrEqual(60);

		// While the server is down the real phone keeps what the child writes.
		const badge = page.getByTestId('connection');
		await expect(badge).not.toHaveAttribute('data-state', 'online');
		const duringCrash = uniqueText('Em mong có thêm sân chơi trong lúc mất kết nối');
		await submitItem(page, { text: duringCrash, topic: TOPICS.play });
		await expect(unsent(page, duringCrash)).toHaveCount(1);

		await sleep(1000);
		await own.start();
		const upAt = own.listeningAt();
		// Every client comes back by itself (no connect() calls here), resyncs and empties its outbox.
		await waitFor(
			'every phone and the screen to reconnect and resync',
			() => phones.every((p, i) => p.connects > connectsAtKill[i] && p.syncs === p.connects) && screen!.connects > screenConnectsAtKill && screen!.syncs === screen!.connects,
			60_000
		);
		const backAt = Date.now();
		await expectOnline(page);

		// The storm goes on a while on the restarted server, then stops; everything in flight lands.
		await sleep(3000);
		storming = false;
		await storm;
		await waitFor('every outbox to empty', () => phones.every((p) => p.settled), 60_000).catch((error) => {
			throw new Error(`${error.message}\n${phones.filter((p) => !p.settled).map((p) => p.state).join('\n')}`);
		});
		await expect(unsent(page, duringCrash)).toHaveCount(0);
		await expect(cards(page, 'mine', duringCrash)).toHaveCount(1);
		await expect(cards(page, 'mine', beforeCrash)).toHaveCount(1);
		await sleep(300); // the last coalesced vote counts (50 ms ticks) reach the screen

		const stored = storedState(own);
		const byId = new Map(stored.items.map((item) => [item.id, item]));
		const votes = new Set(stored.votes.map((v) => `${v.submissionId}/${v.participantId}`));

		// Thousands of comparisons: gathered in plain code and asserted once (an expect() each is slow).
		const problems: string[] = [];
		const check = (ok: boolean, problem: () => string) => ok || problems.push(problem());

		// 1. Everything acknowledged before the crash is stored, by the child who sent it, as sent.
		for (const { phone, id } of ackedItemsAtKill) {
			const item = byId.get(id);
			check(item?.participantId === phone.participantId && item.text === phone.ackedItems.get(id)?.text, () => `item ${id} of ${phone.name} lost`);
		}
		for (const { phone, id } of ackedVotesAtKill) check(votes.has(`${id}/${phone.participantId}`), () => `vote of ${phone.name} on ${id} lost`);
		// And so is everything acknowledged after the restart.
		for (const phone of phones)
			for (const id of phone.ackedVotes) check(votes.has(`${id}/${phone.participantId}`), () => `vote of ${phone.name} on ${id} lost after the restart`);

		// 2. Nothing twice: every text once, and the stored items are exactly the ones the phones had
		// confirmed (each phone's outbox is empty, so each item it wrote was confirmed).
		const texts = new Map<string, number>();
		for (const item of stored.items) texts.set(item.text, (texts.get(item.text) ?? 0) + 1);
		for (const [text, n] of texts) check(n === 1, () => `stored ${n} times: ${text}`);
		const acked = new Set(phones.flatMap((p) => [...p.ackedItems.keys()]));
		const participants = new Set(phones.map((p) => p.participantId));
		const ownStored = stored.items.filter((item) => participants.has(item.participantId));
		check(sameSet(ownStored.map((i) => i.id), acked), () => `stored items ${ownStored.length} ≠ confirmed items ${acked.size}`);
		check(stored.items.filter((i) => i.text === beforeCrash || i.text === duringCrash).length === 2, () => "the real phone's two items are not stored once each");
		for (const item of stored.items) check(item.status === 'approved', () => `item ${item.id} is ${item.status}`);
		// A vote in the database was sent by that child (acknowledged, or cut off by the crash after it was stored).
		const phoneOf = new Map(phones.map((p) => [p.participantId, p]));
		for (const v of stored.votes)
			check(phoneOf.get(v.participantId)?.triedVotes.has(v.submissionId) ?? false, () => `a vote nobody sent: ${v.participantId} on ${v.submissionId}`);
		// Each stored count equals its stored votes.
		for (const item of stored.items) check(item.votes === item.rows, () => `item ${item.id} counts ${item.votes} for ${item.rows} votes`);
		const resentStored = phones.reduce((n, p) => n + p.resentStored, 0);
		check(ackLost > 0 && resentStored === ackLost, () => `${resentStored} resends of stored items answered, ${ackLost} sent`);
		for (const phone of phones) for (const refusal of phone.refusals) problems.push(`${phone.name}: ${refusal}`);

		// 3. Each phone's resynced view is the server's: the items and their counts, its own items, its votes.
		const syncs = await Promise.all(phones.map((phone) => phone.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('participant:sync', {})));
		const storedIds = stored.items.map((i) => i.id);
		for (const [i, synced] of syncs.entries()) {
			const phone = phones[i];
			if (!synced.ok) {
				problems.push(`${phone.name}: sync refused (${synced.error.code})`);
				continue;
			}
			const { submissions, mine, votedIds }: ParticipantSnapshot = synced.data;
			check(sameSet(submissions.map((s) => s.id), storedIds), () => `${phone.name} sees ${submissions.length} items, ${storedIds.length} stored`);
			for (const s of submissions) check(s.votes === byId.get(s.id)?.rows, () => `${phone.name} sees ${s.votes} votes on ${s.id}, ${byId.get(s.id)?.rows} stored`);
			check(sameSet(mine.map((s) => s.id), phone.ackedItems.keys()), () => `${phone.name}'s own items differ`);
			const storedVotes = stored.votes.filter((v) => v.participantId === phone.participantId).map((v) => v.submissionId);
			check(sameSet(votedIds, storedVotes), () => `${phone.name}'s votes differ from the stored ones`);
		}
		// The screen's live view (its resync after the restart plus the broadcasts since) is the server's.
		const shown = screen.items;
		check(sameSet(shown.keys(), storedIds), () => `the screen shows ${shown.size} items, ${storedIds.length} stored`);
		for (const item of stored.items) check(shown.get(item.id) === item.rows, () => `the screen shows ${shown.get(item.id)} votes on ${item.id}, ${item.rows} stored`);
		expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);

		const totalVotes = stored.votes.length;
		report(testInfo, 'acknowledged before the crash', `${ackedItemsAtKill.length} items, ${ackedVotesAtKill.length} votes (all found once)`);
		report(testInfo, 'stored in the end', `${stored.items.length} items, ${totalVotes} votes; ${unackedAtKill} items unacknowledged at the crash, ${resentStored} resends of stored items answered without a copy`);
		report(testInfo, 'reconnect after the crash', `${CHILDREN} phones and the screen back and resynced ${backAt - upAt} ms after the new server listened (${backAt - killedAt} ms after the crash); load average ${loadavg()[0].toFixed(1)}`);
	} finally {
		storming = false;
		for (const phone of phones) phone.socket.disconnect();
		screen?.close();
		await browserPhone.context.close();
	}
});

interface StormPhone {
	socket: LiveSocket;
	syncs: number;
	connectedAt: number;
	syncedAt: number;
	snapshot: ParticipantSnapshot | null;
	disconnects: { reason: string; at: number }[];
	failures: string[];
}

test('1,000 phones come back by themselves after the server restarts, each resynced and consistent', async ({}, testInfo) => {
	test.setTimeout(300_000);
	const PHONES = 1000;
	// Every item and every count change goes to all 1,000 phones, which live in this one process:
	// a modest state to check (20 items, 200 votes) keeps the test process itself from choking.
	const ITEMS = 20;
	const VOTERS = 200;
	const sockets: LiveSocket[] = [];
	try {
		const own = await ownServer('storm');
		const { event } = own;
		const joinStart = Date.now();
		const cookies = await inBatches(Array.from({ length: PHONES }, (_, i) => i), 20, (i) => joinChild(own, event.delegations[i % event.delegations.length]));
		const joinMs = Date.now() - joinStart;

		// Each phone resyncs on every connect, as the room does; the test keeps what it got. They come
		// in a hundred at a time, as a hall fills.
		const connectStart = Date.now();
		const phones: StormPhone[] = [];
		for (let first = 0; first < PHONES; first += 100) {
			const batch = cookies.slice(first, first + 100).map((cookie) => {
				const socket = liveSocket(own, { role: 'participant' }, { cookie });
				sockets.push(socket);
				const phone: StormPhone = { socket, syncs: 0, connectedAt: 0, syncedAt: 0, snapshot: null, disconnects: [], failures: [] };
				socket.on('connect', async () => {
					phone.connectedAt = Date.now();
					const synced = await socket.timeout(30_000).emitWithAck('participant:sync', {}).catch((error: Error) => error);
					if (synced instanceof Error || !synced.ok) return phone.failures.push(synced instanceof Error ? synced.message : synced.error.code);
					phone.syncs++;
					phone.syncedAt = Date.now();
					phone.snapshot = synced.data;
				});
				socket.on('disconnect', (reason) => phone.disconnects.push({ reason, at: Date.now() }));
				return phone;
			});
			phones.push(...batch);
			await waitFor('the phones to connect and sync', () => batch.every((p) => p.syncs >= 1), 120_000);
		}
		const connectMs = Date.now() - connectStart;

		/** Sends once connected, again if the connection dropped meanwhile (both commands are idempotent). */
		async function send<T>(socket: LiveSocket, emit: () => Promise<T>): Promise<T> {
			for (let attempt = 1; ; attempt++) {
				try {
					await connected(socket, 60_000);
					return await emit();
				} catch (error) {
					if (attempt === 5) throw error;
					await sleep(500);
				}
			}
		}
		// Twenty of them ask a question; two hundred vote, each for one question not its own.
		const items = await inBatches(phones.slice(0, ITEMS), 20, async (phone, i) => {
			const input = {
				id: crypto.randomUUID(),
				kind: 'question' as const,
				topicId: event.topics[i % event.topics.length],
				agencyId: null,
				text: `Câu hỏi trước khi máy chủ khởi động lại, số ${i + 1}`
			};
			const ack = await send(phone.socket, () => phone.socket.timeout(15_000).emitWithAck('submission:submit', input));
			if (!ack.ok) throw new Error(`submit refused: ${ack.error.code}`);
			return ack.data.id;
		});
		const votedFor = phones.map((_, i) => (i < VOTERS ? items[(i + 1) % ITEMS] : null));
		await inBatches(phones.slice(0, VOTERS), 50, async (phone, i) => {
			const ack = await send(phone.socket, () => phone.socket.timeout(15_000).emitWithAck('vote:set', { submissionId: votedFor[i]!, voted: true }));
			if (!ack.ok) throw new Error(`vote refused: ${ack.error.code}`);
		});
		// Drops before the restart would be the heartbeat tripping on a starved machine: counted, reported.
		const dropsBefore = phones.reduce((n, p) => n + p.disconnects.length, 0);

		// The server restarts (SIGTERM: its graceful stop, then a new process on the same port and file).
		const stopAt = Date.now();
		await own.stop('SIGTERM');
		const stoppedAt = Date.now();
		await own.start();
		const upAt = own.listeningAt();
		// Back = a sync answered by the new server (the old one answers nothing once stopped).
		await waitFor('all 1,000 phones to reconnect by themselves and resync', () => phones.every((p) => p.syncedAt > stoppedAt && p.socket.connected), 120_000, 100).catch(
			(error) => {
				const behind = phones.filter((p) => p.syncedAt <= stoppedAt);
				throw new Error(`${error.message}: ${behind.length} behind, e.g. ${JSON.stringify({ ...behind[0], socket: undefined })}`);
			}
		);
		const backAt = Date.now();

		const response = await fetch(`${own.origin}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true, database: 'ok' });

		// Every phone's view after the restart is the server's: the items, their counts, its vote, its item.
		const stored = storedState(own);
		const expectedVotes = new Map(items.map((id) => [id, votedFor.filter((v) => v === id).length]));
		expect(stored.items.map((i) => [i.id, i.votes, i.rows]).sort()).toEqual(items.map((id) => [id, expectedVotes.get(id), expectedVotes.get(id)]).sort());
		const problems: string[] = [];
		for (const [i, phone] of phones.entries()) {
			// The stop closes the connections; it must not say "the server sent you away" (a phone would not come back).
			const reasons = phone.disconnects.filter((d) => d.at >= stopAt).map((d) => d.reason);
			if (!reasons.length || phone.disconnects.some((d) => d.reason === 'io server disconnect')) problems.push(`phone ${i} disconnected: ${reasons.join()}`);
			if (phone.failures.length) problems.push(`phone ${i} failed to sync: ${phone.failures.join()}`);
			const snapshot = phone.snapshot!;
			if (!sameSet(snapshot.submissions.map((s) => s.id), items)) problems.push(`phone ${i} sees ${snapshot.submissions.length} items`);
			for (const s of snapshot.submissions) if (s.votes !== expectedVotes.get(s.id)) problems.push(`phone ${i} sees ${s.votes} votes on ${s.id}`);
			if (!sameSet(snapshot.votedIds, votedFor[i] ? [votedFor[i]!] : [])) problems.push(`phone ${i} voted for ${snapshot.votedIds.join()}`);
			if (!sameSet(snapshot.mine.map((s) => s.id), i < ITEMS ? [items[i]] : [])) problems.push(`phone ${i} has ${snapshot.mine.length} own items`);
		}
		expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);

		const spread = (ms: number[]) => {
			const sorted = [...ms].sort((a, b) => a - b);
			const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
			return `p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1)} ms`;
		};
		report(testInfo, 'join and connect', `${PHONES} phones joined in ${joinMs} ms, connected and synced in ${connectMs} ms; ${ITEMS} items, ${VOTERS} votes; ${dropsBefore} drops before the restart`);
		report(
			testInfo,
			'reconnect after a restart',
			`all ${PHONES} back and resynced ${backAt - upAt} ms after the new server listened, ${backAt - stopAt} ms after SIGTERM (graceful stop ${stoppedAt - stopAt} ms, start ${upAt - stoppedAt} ms); /healthz ok`
		);
		report(testInfo, 'after the new server listened', `connected ${spread(phones.map((p) => p.connectedAt - upAt))}; resynced ${spread(phones.map((p) => p.syncedAt - upAt))}`);
		report(testInfo, 'machine load', `load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
	} finally {
		for (const socket of sockets) socket.disconnect();
	}
});

test('a phone that goes silent and a frozen server are each noticed within the heartbeat, not 45 s', async ({}, testInfo) => {
	test.setTimeout(120_000);
	const MARGIN_MS = 3000;
	// The production setting, which the server below runs with: noticed within 15 s at most.
	expect(SILENCE_NOTICED_WITHIN_MS).toBeLessThanOrEqual(15_000);
	const sockets: LiveSocket[] = [];
	try {
		const own = await ownServer('heartbeat');
		const [silentCookie, watcherCookie] = await Promise.all([joinChild(own, own.event.delegations[0]), joinChild(own, own.event.delegations[1])]);

		// A phone whose Wi-Fi vanished: its connection stays open but nothing comes back from it, not
		// even the pong to the server's ping. The server must drop it.
		const silent = liveSocket(own, { role: 'participant' }, { cookie: silentCookie, reconnection: false });
		sockets.push(silent);
		await connected(silent);
		const dropped = new Promise<string>((resolve) => silent.once('disconnect', resolve));
		const silentSince = Date.now();
		(silent.io.engine as unknown as { _sendPacket: () => void })._sendPacket = () => {};
		const serverReason = await dropped;
		const serverNoticedMs = Date.now() - silentSince;
		// The server closed it ('transport close' on this side), between one timeout and one interval + timeout.
		expect(serverReason).toBe('transport close');
		expect(serverNoticedMs).toBeGreaterThanOrEqual(HEARTBEAT.pingTimeoutMs - 500);
		expect(serverNoticedMs).toBeLessThanOrEqual(SILENCE_NOTICED_WITHIN_MS + MARGIN_MS);

		// A frozen server (SIGSTOP): its sockets stay open, nothing answers. The phone must notice.
		const watcher = liveSocket(own, { role: 'participant' }, { cookie: watcherCookie });
		sockets.push(watcher);
		let connects = 0;
		watcher.on('connect', () => connects++);
		await connected(watcher);
		const lost = new Promise<string>((resolve) => watcher.once('disconnect', resolve));
		own.freeze();
		const frozenSince = Date.now();
		const clientReason = await lost;
		const clientNoticedMs = Date.now() - frozenSince;
		own.thaw();
		expect(clientReason).toBe('ping timeout');
		expect(clientNoticedMs).toBeLessThanOrEqual(SILENCE_NOTICED_WITHIN_MS + MARGIN_MS);

		// Thawed, the server is healthy and the phone is back by itself.
		await waitFor('the phone to reconnect by itself', () => connects === 2 && watcher.connected, 30_000);
		const synced = await watcher.timeout(ACK_TIMEOUT_MS).emitWithAck('participant:sync', {});
		expect(synced.ok).toBe(true);
		expect(await own.healthy()).toBe(true);

		report(testInfo, 'heartbeat', `ping every ${HEARTBEAT.pingIntervalMs} ms, timeout ${HEARTBEAT.pingTimeoutMs} ms: at most ${SILENCE_NOTICED_WITHIN_MS} ms`);
		report(testInfo, 'silent phone noticed by the server', `${serverNoticedMs} ms`);
		report(testInfo, 'frozen server noticed by the phone', `${clientNoticedMs} ms ('ping timeout')`);
	} finally {
		for (const socket of sockets) socket.disconnect();
	}
});
