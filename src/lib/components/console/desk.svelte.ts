import { nameIn } from '$lib/domain/event';
import { ConsoleRoom, type Command, type DataOf, type InputOf } from '$lib/client/console-room.svelte';
import type { NamedEntry, TopicEntry } from '$lib/domain/event';
import type { Result } from '$lib/domain/result';
import type { RejectionReason } from '$lib/domain/submission';
import { suggestSimilar } from '$lib/domain/vietnamese-text';
import { staffErrorMessage } from '$lib/i18n-staff';
import { m } from '$lib/paraglide/messages.js';
import type { StaffSubmissionView } from '$lib/realtime/protocol';
import { keepFocusAfter } from './keyboard';

/** What the console needs to know of the event to name an item's topic, delegation and agency. */
export interface DeskEvent {
	topics: TopicEntry[];
	delegations: NamedEntry[];
	agencies: NamedEntry[];
}


/**
 * The MC's desk ("bàn điều phối"): the live room, the three lists the MC works from, what the MC
 * is doing to which item (editing it, picking a reason, dragging it), the filters, and the one line
 * that says how the last command went. The page makes one and hands it down (context.ts); the
 * leaders' page uses one for its notice line and the answer panel.
 */
export class ConsoleDesk {
	readonly room = new ConsoleRoom();
	notice = $state<{ text: string; error: boolean } | null>(null);
	rejecting = $state<string | null>(null);
	editing = $state<string | null>(null);
	editText = $state('');
	dragged = $state<string | null>(null);
	// Arrival order by default: the list the MC is reading does not jump when children vote.
	byVotes = $state(false);
	topicFilter = $state('');
	agencyFilter = $state('');
	readonly #event: () => DeskEvent;

	onScreenId = $derived(this.room.stage.onScreen?.id ?? null);
	pending = $derived(this.room.items.filter((i) => i.status === 'pending').sort((a, b) => a.createdAt - b.createdAt));
	queued = $derived(this.room.queue.map((id) => this.room.byId.get(id)).filter((i): i is StaffSubmissionView => Boolean(i)));
	approved = $derived(
		this.room.items
			.filter((i) => i.status === 'approved' && !this.room.queue.includes(i.id) && i.id !== this.onScreenId && this.matchesFilter(i))
			.sort((a, b) => (this.byVotes ? b.votes - a.votes : 0) || a.createdAt - b.createdAt)
	);
	notShown = $derived(this.room.counters ? Object.values(this.room.counters.notShown).reduce((a, b) => a + b, 0) : 0);

	/** `event` is read when needed, so the names follow the page's data. */
	constructor(event: () => DeskEvent) {
		this.#event = event;
	}

	get event(): DeskEvent {
		return this.#event();
	}

	topicOf = (item: StaffSubmissionView) => nameIn(this.event.topics, item.topicId);
	delegationOf = (item: StaffSubmissionView) => nameIn(this.event.delegations, item.delegationId);
	agencyOf = (item: StaffSubmissionView) => nameIn(this.event.agencies, item.agencyId) || null;

	matchesFilter(item: StaffSubmissionView) {
		return (!this.topicFilter || item.topicId === this.topicFilter) && (!this.agencyFilter || item.agencyId === this.agencyFilter);
	}

	/** Items already in the dialogue that a waiting one may repeat: the MC merges instead of approving. */
	similarTo(item: StaffSubmissionView) {
		return suggestSimilar(
			item.text,
			this.room.items.filter(
				(o) => o.id !== item.id && (o.status === 'approved' || (o.status === 'pending' && o.createdAt < item.createdAt))
			)
		);
	}

	/** Sends one command; a refusal, or `done` when given, goes to the notice line. */
	async send<C extends Command>(command: C, input: InputOf<C>, done?: string): Promise<Result<DataOf<C>>> {
		// Cleared first, so that the same answer twice (N on an empty queue) is shown and read out again.
		this.notice = null;
		const result = await this.room.send(command, input);
		if (!result.ok) {
			const { code, by } = result.error;
			this.notice = { text: code === 'already_decided' && by ? m.error_already_decided_by({ name: by }) : staffErrorMessage(code), error: true };
		} else this.notice = done ? { text: done, error: false } : null;
		return result;
	}

	approve(item: StaffSubmissionView, text?: string) {
		return keepFocusAfter(item.id, async () => {
			const result = await this.send('moderation:decide', { submissionId: item.id, decision: 'approve', ...(text ? { text } : {}) });
			if (result.ok) this.editing = null;
		});
	}

	reject(item: StaffSubmissionView, reason: RejectionReason) {
		return keepFocusAfter(item.id, async () => {
			const result = await this.send('moderation:decide', { submissionId: item.id, decision: 'reject', reason });
			if (result.ok) this.rejecting = null;
		});
	}

	merge(source: StaffSubmissionView, targetId: string) {
		return keepFocusAfter(source.id, () => this.send('submission:merge', { targetId, sourceIds: [source.id] }));
	}

	edit(item: StaffSubmissionView) {
		[this.editing, this.editText] = [item.id, item.text];
	}

	/** Into the queue at `position` (0-based), or out of it with null. */
	toQueue(item: StaffSubmissionView, position: number | null) {
		return this.send('queue:set', { submissionId: item.id, position });
	}

	show(id: string | null) {
		return this.send('stage:show', { submissionId: id });
	}

	next() {
		return this.send('stage:next', {});
	}

	dropAt(index: number) {
		const item = this.dragged && this.room.byId.get(this.dragged);
		this.dragged = null;
		if (item) void this.toQueue(item, index);
	}

	async closeSession() {
		if (!confirm(m.console_close_confirm())) return;
		const result = await this.send('session:close', {});
		if (result.ok) this.notice = { text: m.console_closed({ count: result.data.followUps }), error: false };
	}
}
