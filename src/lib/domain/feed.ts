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

