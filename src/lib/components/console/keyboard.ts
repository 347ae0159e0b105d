import { tick } from 'svelte';
import { REJECTION_REASONS } from '$lib/domain/submission';
import type { ConsoleDesk } from './desk.svelte';

/** Cards are marked `data-item-id`, each list `data-list` (SubmissionColumn.svelte). */
const cardOf = (id: string | undefined) => (id ? document.querySelector<HTMLElement>(`[data-item-id="${id}"]`) : null);
const listOf = (card: HTMLElement | null) => [...(card?.closest('[data-list]')?.querySelectorAll<HTMLElement>('[data-item-id]') ?? [])];

/** Keeps the keyboard where the MC was: on the next item of the same list once this one leaves. */
export async function keepFocusAfter(id: string, action: () => Promise<unknown>) {
	const card = cardOf(id);
	const list = listOf(card);
	const at = card ? list.indexOf(card) : -1;
	const neighbour = list[at + 1] ?? list[at - 1];
	await action();
	await tick();
	(cardOf(neighbour?.dataset.itemId) ?? cardOf(id))?.focus();
}

function moveFocus(card: HTMLElement, step: number) {
	const list = listOf(card);
	list[list.indexOf(card) + step]?.focus();
}

/**
 * The MC on stage works from the keyboard: N puts the next queued item on screen; on the focused
 * item, J/K or ↓/↑ move, A approves, E edits, R then 1–5 rejects with a reason, Q queues or takes it
 * out of the queue, Alt+↑/↓ moves it in the queue, S shows it, Esc cancels.
 */
export function consoleShortcuts(desk: ConsoleDesk) {
	return (event: KeyboardEvent) => {
		const target = event.target as HTMLElement;
		if (event.ctrlKey || event.metaKey || target.closest('input, textarea, select')) return;
		const key = event.key.toLowerCase();
		if (key === 'n' && !event.altKey) return void desk.next();
		const card = target.closest<HTMLElement>('[data-item-id]');
		const item = card && desk.room.byId.get(card.dataset.itemId ?? '');
		if (!card || !item) return;
		const { queue } = desk.room;
		const inQueue = queue.includes(item.id);
		if (event.altKey && (key === 'arrowup' || key === 'arrowdown') && inQueue) {
			event.preventDefault();
			const at = queue.indexOf(item.id) + (key === 'arrowup' ? -1 : 1);
			void desk.toQueue(item, Math.max(0, at)).then(async () => {
				await tick();
				cardOf(item.id)?.focus();
			});
			return;
		}
		if (desk.rejecting === item.id && /^[1-5]$/.test(key)) return void desk.reject(item, REJECTION_REASONS[Number(key) - 1]);
		const actions: Record<string, () => unknown> = {
			j: () => moveFocus(card, 1),
			arrowdown: () => moveFocus(card, 1),
			k: () => moveFocus(card, -1),
			arrowup: () => moveFocus(card, -1),
			a: () => item.status === 'pending' && desk.approve(item),
			r: () => item.status === 'pending' && (desk.rejecting = item.id),
			e: () => item.status === 'pending' && desk.edit(item),
			q: () => item.status === 'approved' && desk.toQueue(item, inQueue ? null : queue.length),
			s: () => item.status === 'approved' && desk.show(item.id),
			escape: () => ([desk.rejecting, desk.editing] = [null, null])
		};
		if (actions[key]) {
			event.preventDefault();
			actions[key]();
		}
	};
}
