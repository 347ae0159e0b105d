import type { Publisher } from './publisher';

/** How long vote counts gather before one broadcast per item: well inside the 250 ms budget. */
export const VOTE_TICK_MS = 50;

/**
 * Coalesces vote-count broadcasts: in a storm, an item's count is announced once per tick with its
 * latest value instead of once per vote. A thousand votes a second on one item become twenty
 * messages to each phone, and the phones redraw twenty times, not a thousand.
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
		const due = [...this.#pending];
		this.#pending.clear();
		for (const [submissionId, { eventId, votes }] of due)
			this.publisher.publish({ kind: 'audience', eventId }, 'vote:counted', { submissionId, votes });
	}
}
