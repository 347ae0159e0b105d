/**
 * Keeping the hall safe, before anything reaches a screen:
 * - a word filter (the default list plus the event's own) holds matching items for a moderator
 *   instead of showing them (`word-filter.ts`), and insults aimed at a person without a swear word
 *   ("thằng kia mặt dày", `aimed-insults.ts`);
 * - items that suggest a child is in danger are never shown: they go privately to the organiser,
 *   with the 111 hotline, whatever the moderation setting. Patterns over who harms, the harm and who
 *   is harmed decide first (`danger-signals.ts`); a small statistical model trained on the corpus
 *   (`text-model.ts`, weights in `text-model.json`) may add a danger verdict, never remove one.
 *
 * One entry point: `assessText(text, eventWords)`. Danger outranks the filter: a child in danger
 * who also swears still reaches the organiser. Server-side only (the model's weights are not for
 * the phone's bundle).
 */
import { hasDangerSignal } from './danger-signals';
import { modelSaysDanger, type TextModel } from './text-model';
import { compileWordFilter, DEFAULT_WORD_FILTER, type WordFilter } from './word-filter';
import trainedModel from './text-model.json';

export { DEFAULT_WORD_FILTER };

export const CHILD_HOTLINE = '111';

export type SafetyVerdict = 'danger' | 'filtered' | 'clean';

/** Compiled filters per distinct event list, most recently used last; bounded. */
const FILTER_CACHE_SIZE = 64;
const filterCache = new Map<string, WordFilter>();

/** The event's own list (one entry per line, as the organiser types it) on top of the default list. */
export function eventWordFilter(eventWords = ''): WordFilter {
	const cached = filterCache.get(eventWords);
	if (cached) {
		filterCache.delete(eventWords);
		filterCache.set(eventWords, cached);
		return cached;
	}
	const filter = compileWordFilter(eventWords.split(/\r?\n/));
	filterCache.set(eventWords, filter);
	if (filterCache.size > FILTER_CACHE_SIZE) filterCache.delete(filterCache.keys().next().value as string);
	return filter;
}

/** An `assessText` that uses the given model (the test trains one on the corpus's train rows). */
export function createAssessText(model: TextModel | null) {
	const danger = (text: string) => hasDangerSignal(text) || (model !== null && modelSaysDanger(model, text));
	return function assess(text: string, eventWords = ''): SafetyVerdict {
		return checkSafety(text, eventWordFilter(eventWords), danger);
	};
}

const defaultModel = trainedModel as TextModel;

/** Is this text a child in danger (→ the organiser, privately), held by the word filter, or clean? */
export const assessText: (text: string, eventWords?: string) => SafetyVerdict = createAssessText(defaultModel);

/** True when the text suggests a child is in danger: patterns, then the model. */
export function matchesDanger(text: string): boolean {
	return hasDangerSignal(text) || modelSaysDanger(defaultModel, text);
}

/**
 * Danger outranks the word filter. Kept for the existing callers; new code calls `assessText`.
 * @deprecated use `assessText(text, eventWords)`.
 */
export function checkSafety(text: string, filter: (text: string) => boolean, danger: (text: string) => boolean): SafetyVerdict {
	if (danger(text)) return 'danger';
	if (filter(text)) return 'filtered';
	return 'clean';
}
