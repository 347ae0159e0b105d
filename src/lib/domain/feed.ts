import type { VoteCount } from './vote';
import type { SubmissionView } from './submission';

export type FeedOrder = 'votes' | 'newest';

export function sortFeed(list: readonly SubmissionView[], order: FeedOrder): SubmissionView[] {
	const byNewest = (a: SubmissionView, b: SubmissionView) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);
	return [...list].sort(order === 'votes' ? (a, b) => b.votes - a.votes || byNewest(a, b) : byNewest);
}

/** Insert or replace by id: a broadcast and the ack of the same item must not show it twice. */
export function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
	const at = list.findIndex((s) => s.id === item.id);
	if (at === -1) return [...list, item];
	const next = [...list];
	next[at] = item;
	return next;
}


/**
 * A tick's vote counts applied in one pass. The list is returned as it was when none of its items
 * changed, so a phone does not redraw for counts of items it does not show.
 */
export function withCounts<T extends { id: string; votes: number }>(list: T[], counts: readonly VoteCount[]): T[] {
	const latest = new Map(counts.map((c) => [c.submissionId, c.votes]));
	if (!list.some((item) => latest.has(item.id))) return list;
	return list.map((item) => (latest.has(item.id) ? { ...item, votes: latest.get(item.id)! } : item));
}
