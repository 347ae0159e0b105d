import { tick } from 'svelte';
import { REJECTION_REASONS } from '$lib/domain/submission';
import { m } from '$lib/paraglide/messages.js';
import type { StaffSubmissionView } from '$lib/realtime/protocol';
import type { ConsoleDesk } from './desk.svelte';

/** The MC's lists from left to right; each is marked `data-list`, each card `data-item-id` (SubmissionColumn.svelte). */
export const CONSOLE_LISTS = ['incoming', 'approved', 'queue'] as const;

const cardOf = (id: string | undefined) => (id ? document.querySelector<HTMLElement>(`[data-item-id="${id}"]`) : null);
const cardsIn = (list: Element | null | undefined) => [...(list?.querySelectorAll<HTMLElement>('[data-item-id]') ?? [])];
const listOf = (card: HTMLElement | null) => cardsIn(card?.closest('[data-list]'));
const columns = () => CONSOLE_LISTS.map((name) => document.querySelector<HTMLElement>(`[data-list="${name}"]`));

function focusCard(card: HTMLElement | null | undefined) {
	if (!card) return false;
	card.focus();
	card.scrollIntoView({ block: 'nearest' });
	return true;
}

/** The first card of the first list that has one: where the keyboard starts when no card has focus. */
export const focusFirstCard = () => focusCard(columns().map((c) => cardsIn(c)[0]).find(Boolean));

/**
 * Keeps the keyboard where the MC was, for an action that takes the item out of its list: focus
 * moves at once to its neighbour there (the next one, or the one before), so that a second key acts
 * on the next item even before the server answers. Refused, the item keeps the focus again (the
 * notice says why). Done, and with nowhere else to go, focus follows the item to its new place,
 * else the first card of any list: never the page itself, where the next key does nothing.
 */
export async function keepFocusAfter(id: string, action: () => Promise<unknown>) {
	const card = cardOf(id);
	const listName = card?.closest<HTMLElement>('[data-list]')?.dataset.list;
	const list = listOf(card);
	const at = card ? list.indexOf(card) : -1;
	const ahead = card && card.contains(document.activeElement) ? [list[at + 1], list[at - 1]].find(Boolean) : undefined;
	if (ahead) focusCard(ahead);
	await action();
	await tick();
	const here = cardOf(id);
	const stayed = here && here.closest<HTMLElement>('[data-list]')?.dataset.list === listName;
	const active = document.activeElement;
	if (stayed && ahead && active === ahead) focusCard(here);
	else if (!active || active === document.body) focusCard(here) || focusFirstCard();
}

function moveFocus(card: HTMLElement, step: number) {
	const list = listOf(card);
	focusCard(list[list.indexOf(card) + step]);
}

/** ←/→ (H/L): the first card of the next list in that direction that has any. */
function moveColumn(card: HTMLElement, step: number) {
	const lists = columns();
	const from = lists.findIndex((list) => list?.contains(card));
	for (let i = from + step; i >= 0 && i < lists.length; i += step) if (focusCard(cardsIn(lists[i])[0])) return;
}

/** Merge into the first earlier item the card names as a possible twin (SimilarSubmissions.svelte). */
function mergeIntoTwin(desk: ConsoleDesk, item: StaffSubmissionView) {
	const twin = desk.similarTo(item).find((t) => item.status === 'pending' || t.createdAt < item.createdAt);
	if (twin) return desk.merge(item, twin.id);
	desk.notice = { text: m.console_no_twin(), error: true };
}

/** Puts the cursor in the edit box that E opened, at the end of the text. */
async function focusEditor(id: string) {
	await tick();
	const box = document.getElementById(`edit-${id}`) as HTMLTextAreaElement | null;
	if (!box) return;
	box.focus();
	box.setSelectionRange(box.value.length, box.value.length);
	box.scrollIntoView({ block: 'nearest' });
}

/** Scrolls the reason buttons R opened into view; the card keeps focus so that 1–5 pick. */
async function revealReasons(card: HTMLElement) {
	await tick();
	card.querySelector('[data-testid="reasons"]')?.scrollIntoView({ block: 'nearest' });
}

/**
 * The MC on stage works from the keyboard: N puts the next queued item on screen; J/K or ↓/↑ move
 * within a list, H/L or ←/→ between lists (from nowhere, any of them starts on the first card); on
 * the focused item A approves, E edits (Enter approves the edit), R then 1–5 rejects with a reason,
 * M merges it into the twin it names, Q queues it or takes it out of the queue, Alt+↑/↓ moves it in
 * the queue, S shows it, Esc cancels.
 */
export function consoleShortcuts(desk: ConsoleDesk) {
	return (event: KeyboardEvent) => {
		const target = event.target as HTMLElement;
		if (event.ctrlKey || event.metaKey || target.closest('input, textarea, select, summary, [contenteditable]')) return;
		const key = event.key.toLowerCase();
		if (key === 'n' && !event.altKey) return void desk.next();
		const card = target.closest<HTMLElement>('[data-item-id]');
		const item = card && desk.room.byId.get(card.dataset.itemId ?? '');
		if (!card || !item) {
			// Focus is on the page or a button outside the lists: a move key starts on the first card.
			const starts = ['j', 'k', 'h', 'l', 'arrowdown', 'arrowleft', 'arrowright'];
			if (!event.altKey && starts.includes(key) && focusFirstCard()) event.preventDefault();
			return;
		}
		const { queue } = desk.room;
		const inQueue = queue.includes(item.id);
		if (event.altKey && (key === 'arrowup' || key === 'arrowdown') && inQueue) {
			event.preventDefault();
			const at = queue.indexOf(item.id) + (key === 'arrowup' ? -1 : 1);
			void desk.toQueue(item, Math.max(0, at)).then(async () => {
				await tick();
				focusCard(cardOf(item.id));
			});
			return;
		}
		if (event.altKey) return;
		if (desk.rejecting === item.id && /^[1-5]$/.test(key)) return void desk.reject(item, REJECTION_REASONS[Number(key) - 1]);
		const actions: Record<string, () => unknown> = {
			j: () => moveFocus(card, 1),
			arrowdown: () => moveFocus(card, 1),
			k: () => moveFocus(card, -1),
			arrowup: () => moveFocus(card, -1),
			l: () => moveColumn(card, 1),
			arrowright: () => moveColumn(card, 1),
			h: () => moveColumn(card, -1),
			arrowleft: () => moveColumn(card, -1),
			a: () => item.status === 'pending' && desk.approve(item),
			r: () => item.status === 'pending' && ((desk.rejecting = item.id), revealReasons(card)),
			e: () => item.status === 'pending' && (desk.edit(item), focusEditor(item.id)),
			m: () => (item.status === 'pending' || item.status === 'approved') && mergeIntoTwin(desk, item),
			q: () => item.status === 'approved' && keepFocusAfter(item.id, () => desk.toQueue(item, inQueue ? null : queue.length)),
			s: () => item.status === 'approved' && keepFocusAfter(item.id, () => desk.show(item.id)),
			escape: () => ([desk.rejecting, desk.editing] = [null, null])
		};
		if (actions[key]) {
			event.preventDefault();
			actions[key]();
		}
	};
}
