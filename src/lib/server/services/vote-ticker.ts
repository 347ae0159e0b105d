import type { VoteCount } from '$lib/realtime/protocol';
import type { Publisher } from './publisher';

/** How long vote counts gather before one broadcast per item: well inside the 250 ms budget. */
export const VOTE_TICK_MS = 50;

/**
 * Coalesces vote-count broadcasts: in a storm, the counts that changed are announced once per tick,
 * each with its latest value, all in one message per event. A thousand votes a second on ten items
 * become twenty messages to each phone, not a thousand (nor two hundred, one per item): each
 * message is a socket write for every phone in the hall, and those writes were most of the
 * server's work in a storm (`npm run bench`).
 */
export class VoteTicker {
	#pending = new Map<string, { eventId: string; votes: number }>();
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly publisher: Publisher,
		private readonly tickMs = VOTE_TICK_MS
	) {}

	counted(eventId: string, submissionId: string, votes: number) {
		this.#pending.set(submissionId, { eventId, votes });
		this.#timer ??= setTimeout(() => this.flush(), this.tickMs);
	}

	flush() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const byEvent = new Map<string, VoteCount[]>();
		for (const [submissionId, { eventId, votes }] of this.#pending) {
			const counts = byEvent.get(eventId) ?? byEvent.set(eventId, []).get(eventId)!;
			counts.push({ submissionId, votes });
		}
		this.#pending.clear();
		for (const [eventId, counts] of byEvent) this.publisher.publish({ kind: 'audience', eventId }, 'votes:counted', counts);
	}
}
