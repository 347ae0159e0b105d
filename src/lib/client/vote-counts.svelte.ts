import type { StageView, VoteCount } from '$lib/realtime/protocol';

interface Counted {
	id: string;
	votes: number;
}

/**
 * A room's one vote count per item. Every list and the stage a room shows are derived through
 * `of`, so the number on stage, in the top list and on a card cannot disagree.
 *
 * Which count wins, given that one connection delivers in order what the server sent:
 * - a snapshot (`*:sync`) replaces them all: the server's counts at one moment;
 * - `votes:counted` and a vote's own ack always win: every count change, merges included, goes
 *   through the server's ticker, which sends each item's latest count;
 * - an item or stage broadcast only brings the count of an item not counted yet. Its `votes` may
 *   have been read before a vote whose tick is already here; a newer count it carries is in the
 *   next tick anyway, so ignoring it costs one tick at most and never shows an older number.
 */
export class VoteCounts {
	#votes = $state.raw<Record<string, number>>({});
	/** Each item with its count, kept while neither changes: a tick redraws only the cards it moved. */
	#views = new WeakMap<Counted, Counted>();

	reset(items: Counted[]) {
		this.#votes = {};
		this.introduce(items);
	}

	counted(counts: readonly VoteCount[]) {
		this.#take(counts.map((c) => [c.submissionId, c.votes]));
	}

	introduce(items: Counted[]) {
		this.#take(items.map((item) => [item.id, item.votes]), true);
	}

	#take(counts: [string, number][], onlyNew = false) {
		const votes = { ...this.#votes };
		let moved = false;
		for (const [id, n] of counts)
			if (votes[id] !== n && !(onlyNew && id in votes)) {
				votes[id] = n;
				moved = true;
			}
		if (moved) this.#votes = votes;
	}

	/** The item with the room's count. */
	of = <T extends Counted>(item: T): T => {
		const votes = this.#votes[item.id] ?? item.votes;
		if (votes === item.votes) return item;
		let view = this.#views.get(item) as T | undefined;
		if (view?.votes !== votes) this.#views.set(item, (view = { ...item, votes }));
		return view;
	};
}

/** The stage with the room's counts: the question on screen and the next ones read the same map. */
export function countedStage(counts: VoteCounts, stage: StageView): StageView {
	return { ...stage, onScreen: stage.onScreen && counts.of(stage.onScreen), next: stage.next.map(counts.of) };
}

/** The items a stage names, for their counts. */
export const stageItems = (stage: StageView) => (stage.onScreen ? [stage.onScreen, ...stage.next] : stage.next);
