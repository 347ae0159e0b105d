/**
 * Simulated phones and a real screen for the multi-process tests, talking to the cluster through
 * nginx. The phone behaves as src/lib/client/participant-room.svelte.ts does (outbox, resync on
 * every connect, resend with the same ids); the screen is the page's own DisplayRoom class.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import type { DisplayRoom } from '../../src/lib/client/display-room.svelte';
import type { SubmitSubmissionInput } from '../../src/lib/realtime/protocol';
import { liveSocket, type Cluster, type LiveSocket } from './cluster';

export const ACK_TIMEOUT_MS = 8000;

/** The participant behind a session cookie: the database keeps only the token's SHA-256. */
export async function participantOf(cluster: Cluster, cookie: string): Promise<string> {
	const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
	const id = createHash('sha256').update(token).digest('hex');
	const { rows } = await cluster.db.query<{ participantId: string }>('select participant_id as "participantId" from participant_sessions where id = $1', [id]);
	if (!rows[0]) throw new Error('no session for that cookie');
	return rows[0].participantId;
}

export class SimulatedPhone {
	readonly socket: LiveSocket;
	readonly outbox = new Map<string, SubmitSubmissionInput>();
	readonly ackedItems = new Map<string, SubmitSubmissionInput>();
	readonly ackedVotes = new Set<string>();
	/** Every vote sent, acknowledged or not: what the database may hold for this child. */
	readonly triedVotes = new Set<string>();
	readonly known = new Set<string>();
	connects = 0;
	syncs = 0;
	refusals: string[] = [];
	#flushing = false;
	#inFlight = 0;
	#written = 0;

	constructor(
		cluster: Cluster,
		readonly name: string,
		readonly participantId: string,
		readonly lane: string,
		cookie: string,
		transports: ('polling' | 'websocket')[]
	) {
		this.socket = liveSocket(cluster, { role: 'participant' }, lane, { cookie, transports });
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

	/** Within the server's 10 items per child per minute. */
	get canWrite() {
		return this.#written < 7;
	}

	get state() {
		return `${this.name}: outbox ${this.outbox.size}, in flight ${this.#inFlight}, connected ${this.socket.connected}, ${this.refusals.join(' ')}`;
	}

	write(topicId: string) {
		const id = crypto.randomUUID();
		this.#written++;
		this.outbox.set(id, { id, kind: 'question', topicId, agencyId: null, text: `Ý kiến số ${this.#written} của ${this.name} (${id.slice(0, 8)})` });
		void this.flush();
	}

	async flush() {
		if (this.#flushing) return;
		this.#flushing = true;
		try {
			while (this.outbox.size && this.socket.connected) {
				const input = this.outbox.values().next().value as SubmitSubmissionInput;
				const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('submission:submit', input).catch(() => null);
				if (!ack || (!ack.ok && (ack.error.code === 'rate_limited' || ack.error.code === 'server_error'))) {
					if (ack) this.refusals.push(`submit ${ack.error.code} (retried)`);
					setTimeout(() => void this.flush(), 1000);
					break;
				}
				this.outbox.delete(input.id);
				if (!ack.ok) {
					this.refusals.push(`submit ${ack.error.code}`);
					continue;
				}
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

let displayRoom: Promise<typeof DisplayRoom> | null = null;

/** The projection screen's own client logic over a Node socket, through nginx on a chosen lane. */
export class RealScreen {
	socket!: LiveSocket;
	connects = 0;
	readonly close: () => void;
	readonly #room: DisplayRoom;

	private constructor(cluster: Cluster, lane: string, Room: typeof DisplayRoom) {
		const stage = { onScreen: null, onScreenSince: null, next: [], agenda: null, review: null };
		this.#room = new Room({ submissions: [], participantCount: 0, stage, counters: null!, polls: [] });
		this.close = this.#room.connect(cluster.event.displayKey, (auth) => {
			this.socket = liveSocket(cluster, auth as { role: 'display'; displayKey: string }, lane, { transports: ['websocket'] });
			this.socket.on('connect', () => this.connects++);
			return this.socket;
		});
	}

	static async open(cluster: Cluster, lane: string): Promise<RealScreen> {
		displayRoom ??= clientModule<typeof import('../../src/lib/client/display-room.svelte')>('src/lib/client/display-room.svelte.ts').then((m) => m.DisplayRoom);
		return new RealScreen(cluster, lane, await displayRoom);
	}

	/** What the screen shows: every item and its count, as the page draws them. */
	get items(): Map<string, number> {
		return new Map(this.#room.top.map((item) => [item.id, item.votes]));
	}
}

export interface StoredState {
	items: { id: string; participantId: string; text: string; votes: number; rows: number }[];
	votes: { submissionId: string; participantId: string }[];
}

export async function storedState(cluster: Cluster): Promise<StoredState> {
	const items = await cluster.db.query<StoredState['items'][number] & { rows: string }>(
		`select s.id, s.participant_id as "participantId", s.text, s.vote_count as votes,
			(select count(*) from votes v where v.submission_id = s.id) as rows
		 from submissions s where s.event_id = $1`,
		[cluster.event.id]
	);
	const votes = await cluster.db.query<StoredState['votes'][number]>('select submission_id as "submissionId", participant_id as "participantId" from votes');
	return { items: items.rows.map((r) => ({ ...r, rows: Number(r.rows) })), votes: votes.rows };
}

/** The process that owns the event's ticks now: the lease's token names its pid (cluster/lease.ts). */
export async function tickOwnerPid(cluster: Cluster): Promise<number | null> {
	const { Redis } = await import('ioredis');
	const redis = new Redis(cluster.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
	try {
		await redis.connect();
		const keys: string[] = [];
		let cursor = '0';
		do {
			const [next, found] = await redis.scan(cursor, 'MATCH', `*lease:${cluster.event.id}`, 'COUNT', 1000);
			cursor = next;
			keys.push(...found);
		} while (cursor !== '0');
		if (keys.length !== 1) return null;
		const token = await redis.get(keys[0]);
		const pid = Number(token?.split(':').at(-2));
		return Number.isInteger(pid) ? pid : null;
	} finally {
		redis.disconnect();
	}
}
