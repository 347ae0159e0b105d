import { sortFeed, upsert, type FeedOrder } from '$lib/domain/feed';
import type { ErrorCode } from '$lib/domain/result';
import { isPublic, type SubmissionView } from '$lib/domain/submission';
import type { PollAnswer } from '$lib/domain/poll';
import type { ParticipantDelta, ParticipantSnapshot, PollView, SyncCursor } from '$lib/realtime/protocol';
import { goLive, type OpenSocket } from './live-connection';
import { loadOutbox, outboxKey, toInput, updateOutbox, type OutboxEntry } from './outbox';
import { ACK_TIMEOUT_MS, type ConnectionState, type ForumSocket } from './socket';
import { VoteCounts } from './vote-counts.svelte';

/** Failures worth retrying later; every other refusal is final and goes back to the child. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server_error']);
const RETRY_AFTER_MS = 5000;

export interface Draft extends Omit<OutboxEntry, 'queuedAt'> {}

/** One child's live view of an event: the feed, their own items, their votes, and what is unsent. */
export class ParticipantRoom {
	connection = $state<ConnectionState>('connecting');
	order = $state<FeedOrder>('votes');
	votedIds = $state<Record<string, true>>({});
	/** Polls the MC has opened, and this child's answers to them. */
	polls = $state<PollView[]>([]);
	pollAnswers = $state<Record<string, PollAnswer>>({});
	outbox = $state<OutboxEntry[]>([]);
	/** Items the server refused for good, waiting to be handed back to the composer one by one. */
	refused = $state<{ entry: OutboxEntry; code: ErrorCode }[]>([]);
	readonly counts = new VoteCounts();
	#submissions = $state.raw<SubmissionView[]>([]);
	#mine = $state.raw<SubmissionView[]>([]);
	#onScreen = $state.raw<SubmissionView | null>(null);
	/** The shared feed, the child's own items and the question on the projection screen: one count each. */
	feed = $derived(sortFeed(this.#submissions.map(this.counts.of), this.order));
	mine = $derived(this.#mine.map(this.counts.of));
	onScreen = $derived(this.#onScreen && this.counts.of(this.#onScreen));
	mineIds = $derived(new Set(this.mine.map((s) => s.id)));

	#socket: ForumSocket | null = null;
	/** How far this view has come (the sync's cursor, moved on by every versioned broadcast heard since). */
	#cursor: SyncCursor | null = null;
	#flushing = false;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #storageKey: string;

	constructor(eventId: string, participantId: string, snapshot: ParticipantSnapshot) {
		this.#storageKey = outboxKey(eventId, participantId);
		this.#apply(snapshot);
	}

	/** Starts the live connection; returns the function that ends it. */
	connect(open?: OpenSocket): () => void {
		this.outbox = loadOutbox(localStorage, this.#storageKey);
		const live = goLive(
			{ role: 'participant' },
			'participant:sync',
			{
				// Named at every reconnect: the server answers with what changed since, or the whole view.
				syncInput: () => (this.#cursor ? { since: this.#cursor } : {}),
				synced: (snapshot) => {
					// After any gap, trust the server's view over whatever was missed.
					if (snapshot && 'delta' in snapshot) this.#applyDelta(snapshot);
					else if (snapshot) this.#apply(snapshot);
					void this.#flush();
				},
				state: (connection) => (this.connection = connection),
				// The session is gone (e.g. cleared by the organisers): reload to show the join form.
				refused: (reason) => reason === 'not_joined' && (location.reload(), true)
			},
			open
		);
		const socket = (this.#socket = live.socket);
		live.on('submission:added', (submission) => this.#receive(submission));
		live.on('submission:updated', (submission) => this.#receive(submission));
		live.on('votes:counted', (counts) => this.counts.counted(counts));
		live.on('stage:changed', ({ onScreen }) => this.#show(onScreen));
		live.on('poll:changed', (poll) => {
			this.#heard(poll.version);
			this.polls = upsert(this.polls, poll);
		});

		const offline = () => (this.connection = 'offline');
		const online = () => {
			this.connection = socket.connected ? 'online' : 'connecting';
			void this.#flush();
		};
		// Another tab of the same child queued or sent something.
		const storage = (e: StorageEvent) => {
			if (e.key === this.#storageKey) this.outbox = loadOutbox(localStorage, this.#storageKey);
		};
		addEventListener('offline', offline);
		addEventListener('online', online);
		addEventListener('storage', storage);
		return () => {
			clearTimeout(this.#retryTimer);
			removeEventListener('offline', offline);
			removeEventListener('online', online);
			removeEventListener('storage', storage);
			live.close();
		};
	}

	/** Keeps the item on the phone first, so a dropped connection or a reload never loses it. */
	submit(draft: Draft): 'sending' | 'saved_offline' {
		this.outbox = updateOutbox(localStorage, this.#storageKey, { add: { ...draft, queuedAt: Date.now() } });
		const live = this.connection === 'online' && navigator.onLine;
		if (live) void this.#flush();
		return live ? 'sending' : 'saved_offline';
	}

	/** Votes are not queued: a vote only means something while the item is being discussed. */
	async setVote(submissionId: string, voted: boolean): Promise<ErrorCode | 'offline' | null> {
		if (!this.#socket?.connected || !navigator.onLine) return 'offline';
		const result = await this.#socket
			.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('vote:set', { submissionId, voted })
			.catch(() => null);
		if (!result) return 'offline';
		if (!result.ok) return result.error.code;
		const { [submissionId]: _was, ...rest } = this.votedIds;
		this.votedIds = result.data.voted ? { ...rest, [submissionId]: true } : rest;
		// Sent right after the vote was stored, before any tick that could carry a newer count.
		this.counts.counted([result.data]);
		return null;
	}

	/** A poll answer, like a vote, means something only now: it is sent live, not queued. */
	async answerPoll(pollId: string, answer: PollAnswer): Promise<ErrorCode | 'offline' | null> {
		if (!this.#socket?.connected || !navigator.onLine) return 'offline';
		const result = await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('poll:answer', { pollId, answer }).catch(() => null);
		if (!result) return 'offline';
		if (!result.ok) return result.error.code;
		this.pollAnswers = { ...this.pollAnswers, [pollId]: answer };
		return null;
	}

	async #flush() {
		const socket = this.#socket;
		if (this.#flushing || !socket) return;
		this.#flushing = true;
		try {
			while (this.outbox.length && socket.connected && navigator.onLine) {
				const entry = this.outbox[0];
				const result = await socket
					.timeout(ACK_TIMEOUT_MS)
					.emitWithAck('submission:submit', toInput(entry))
					.catch(() => null);
				// No ack, or a passing refusal: still unsent; try again shortly (same id, so never twice).
				if (!result || (!result.ok && RETRYABLE.has(result.error.code))) {
					clearTimeout(this.#retryTimer);
					this.#retryTimer = setTimeout(() => void this.#flush(), RETRY_AFTER_MS);
					break;
				}
				this.outbox = updateOutbox(localStorage, this.#storageKey, { remove: entry.id });
				if (result.ok) this.#receive(result.data, true);
				else this.refused = [...this.refused, { entry, code: result.error.code }];
			}
		} finally {
			this.#flushing = false;
		}
	}

	/** The composer took the oldest refused item back. */
	restored() {
		this.refused = this.refused.slice(1);
	}

	#apply(snapshot: ParticipantSnapshot) {
		this.#cursor = snapshot.cursor ?? null;
		this.counts.reset([...snapshot.submissions, ...snapshot.mine]);
		this.#submissions = snapshot.submissions;
		this.#mine = snapshot.mine;
		this.votedIds = Object.fromEntries(snapshot.votedIds.map((id) => [id, true as const]));
		this.#show(snapshot.onScreen);
		this.polls = snapshot.polls;
		this.pollAnswers = snapshot.pollAnswers;
	}

	/**
	 * Only what changed since the cursor: the changed public items replace their copies, and the
	 * counts (every public item's) both correct each count and say which items are public now; an
	 * item missing from them left the feed. The child's own items, votes and answers come whole.
	 */
	#applyDelta(delta: ParticipantDelta) {
		this.#cursor = delta.cursor;
		const publicNow = new Set(delta.counts.map((c) => c.submissionId));
		this.counts.counted(delta.counts);
		this.counts.introduce([...delta.changed, ...delta.mine]);
		let submissions = this.#submissions.filter((s) => publicNow.has(s.id));
		for (const changed of delta.changed) submissions = upsert(submissions, changed);
		this.#submissions = submissions;
		this.#mine = delta.mine;
		this.votedIds = Object.fromEntries(delta.votedIds.map((id) => [id, true as const]));
		this.#show(delta.onScreen);
		for (const poll of delta.polls) this.polls = upsert(this.polls, poll);
		this.pollAnswers = delta.pollAnswers;
	}

	/** A broadcast's version: the view has come at least that far. */
	#heard(version: number | undefined) {
		if (this.#cursor && version !== undefined && version > this.#cursor.version) this.#cursor = { ...this.#cursor, version };
	}

	/** Takes back the child's own item; the answer is a refusal code, or null when done. */
	async withdraw(submissionId: string): Promise<ErrorCode | null> {
		const ack = await this.#socket?.timeout(ACK_TIMEOUT_MS).emitWithAck('submission:withdraw', { submissionId }).catch(() => null);
		if (!ack) return 'server_error';
		if (!ack.ok) return ack.error.code;
		this.#receive(ack.data, true);
		return null;
	}

	#receive(submission: SubmissionView, own = false) {
		this.#heard(submission.version);
		this.counts.introduce([submission]);
		// Merged, withdrawn or taken back: it leaves the shared feed.
		this.#submissions = isPublic(submission.status)
			? upsert(this.#submissions, submission)
			: this.#submissions.filter((s) => s.id !== submission.id);
		// Items only their author may see arrive on the author's private room.
		if (own || !isPublic(submission.status) || this.mineIds.has(submission.id)) this.#mine = upsert(this.#mine, submission);
	}

	#show(onScreen: SubmissionView | null) {
		if (onScreen) this.counts.introduce([onScreen]);
		this.#onScreen = onScreen;
	}
}
