/**
 * Sizing the projection screen's text to the room it has, whatever the projector and the text's
 * length. Sizes are given in thousandths of the screen's height ("h"), so one layout serves 720p
 * to 4K; the smallest text is 28 px at 1080 lines (MIN_TEXT), scaled.
 *
 * A box that fits holds a `--fit` size (px) that its text uses; the fitting picks the largest size
 * in the range at which the box's content does not overflow it. A queue box holds whole items only:
 * it hides items from the end until the rest fit, and names how many it hid.
 */
import type { Attachment } from 'svelte/attachments';

/** The smallest text on the screen, in thousandths of its height: 28 px at 1080 lines. */
export const MIN_TEXT = (28 / 1080) * 1000;

const px = (h: number) => (h * window.innerHeight) / 1000;

function overflows(node: HTMLElement): boolean {
	return node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth;
}

/** Sets `--fit` on `node` to the largest size in [min, max] (px) at which nothing overflows. */
function fitSize(node: HTMLElement, min: number, max: number): number {
	const set = (size: number) => node.style.setProperty('--fit', `${size}px`);
	set(max);
	if (!overflows(node)) return max;
	let lo = min;
	let hi = max;
	for (let i = 0; i < 10 && hi - lo > 0.5; i++) {
		const mid = (lo + hi) / 2;
		set(mid);
		if (overflows(node)) hi = mid;
		else lo = mid;
	}
	set(lo);
	return lo;
}

/** Runs `refit` now, after the fonts load, and whenever the node's size or text changes. */
function refitting(node: HTMLElement, refit: () => void): () => void {
	let frame = 0;
	const watch = () => changed.observe(node, { childList: true, subtree: true, characterData: true });
	// The fitting's own changes (sizes, hidden items, the label) must not set it off again.
	const run = () => {
		changed.disconnect();
		refit();
		watch();
	};
	const schedule = () => {
		if (!frame) frame = requestAnimationFrame(() => ((frame = 0), run()));
	};
	const changed = new MutationObserver(schedule);
	const resized = new ResizeObserver(schedule);
	run();
	resized.observe(node);
	window.addEventListener('resize', schedule);
	document.fonts?.ready.then(schedule);
	return () => {
		cancelAnimationFrame(frame);
		resized.disconnect();
		changed.disconnect();
		window.removeEventListener('resize', schedule);
	};
}

/**
 * The box's text takes the largest size in [min, max] (thousandths of the screen's height) that
 * fits. When even the smallest does not, its `[data-optional]` parts (a theme, a subtitle) give way.
 */
export function fitText(range: { min?: number; max: number }): Attachment<HTMLElement> {
	return (node) =>
		refitting(node, () => {
			const optional = [...node.querySelectorAll<HTMLElement>('[data-optional]')];
			for (const part of optional) part.hidden = false;
			const min = px(range.min ?? MIN_TEXT);
			fitSize(node, min, px(range.max));
			if (!overflows(node) || !optional.length) return;
			for (const part of optional) part.hidden = true;
			fitSize(node, min, px(range.max));
		});
}

/**
 * A box with a main part that fits (`[data-fit]`, flexible) and a queue of whole items
 * (`[data-queue] > li`, at the smallest size) under it, with `[data-more]` naming what was left out.
 * The queue gives way first: items are hidden from the end while the main part would be smaller
 * than `prefer`, or while the queue overflows its own box.
 */
export function fitWithQueue(range: { max: number; prefer: number }, more: (count: number) => string): Attachment<HTMLElement> {
	return (node) =>
		refitting(node, () => {
			const main = node.querySelector<HTMLElement>('[data-fit]');
			const queue = node.querySelector<HTMLElement>('[data-queue]');
			const items = [...(queue?.querySelectorAll<HTMLElement>(':scope > ol > li') ?? [])];
			const label = queue?.querySelector<HTMLElement>('[data-more]');
			for (const item of items) item.hidden = false;
			queue?.classList.remove('emptied');
			let shown = items.length;
			const hideLast = () => {
				shown -= 1;
				items[shown].hidden = true;
				if (label) setMore(label, more(items.length - shown));
			};
			if (label) setMore(label, '');
			while (queue && shown > 0 && overflows(queue)) hideLast();
			if (!main) return;
			const optional = [...main.querySelectorAll<HTMLElement>('[data-optional]')];
			for (const part of optional) part.hidden = false;
			while (fitSize(main, px(MIN_TEXT), px(range.max)) < px(range.prefer) && shown > 0) hideLast();
			// Still small, or too long even at the smallest size: the optional details (a topic) give way.
			if ((overflows(main) || Number.parseFloat(main.style.getPropertyValue('--fit')) < px(range.prefer)) && optional.length) {
				for (const part of optional) part.hidden = true;
				fitSize(main, px(MIN_TEXT), px(range.max));
			}
			// Every item hidden: the heading goes too, and the label says how many wait.
			if (queue) queue.classList.toggle('emptied', items.length > 0 && shown === 0);
		});
}

function setMore(label: HTMLElement, text: string) {
	if (label.textContent !== text) label.textContent = text;
	label.hidden = !text;
}
