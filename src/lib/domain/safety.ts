/**
 * Keeping the hall safe, before anything reaches a screen:
 * - a word filter (editable per event) holds matching items for a moderator instead of showing them;
 * - items that suggest a child is in danger are never shown: they go privately to the organiser,
 *   with the 111 hotline, whatever the moderation setting.
 * Matching respects how Vietnamese is typed: a list entry written with diacritics matches text typed
 * with the same diacritics, or text typed with none at all (a phone without an accent keyboard);
 * "đèo" (a mountain pass) never matches a word that only folds the same way, like "đéo".
 */
import { expandTeenSpellings, foldedWords, hasDiacritics } from './vietnamese-text';

export const CHILD_HOTLINE = '111';

/** Common Vietnamese profanity and insults, with and without diacritics and in teen spelling. */
export const DEFAULT_WORD_FILTER = [
	'đm',
	'đmm',
	'dm',
	'dmm',
	'đcm',
	'dcm',
	'vcl',
	'vkl',
	'vl',
	'clgt',
	'cmm',
	'đéo',
	'địt',
	'đụ',
	'lồn',
	'cặc',
	'buồi',
	'đĩ',
	'đồ ngu',
	'mất dạy',
	'thằng điên'
];

/**
 * Phrases that suggest the child writing is being hurt or may hurt themselves. Deliberately about
 * the writer ("em bị đánh", "muốn chết"), so that a question about preventing abuse in general (a
 * topic of these forums) is not mistaken for a child in danger.
 */
export const DANGER_PHRASES = [
	'em bị đánh',
	'bị bố đánh',
	'bị mẹ đánh',
	'bị bố mẹ đánh',
	'bị đánh đập',
	'bị đánh đau',
	'bị bạo hành',
	'em bị xâm hại',
	'bị xâm hại tình dục',
	'bị sờ',
	'bị hiếp',
	'bị cưỡng hiếp',
	'bị ép quan hệ',
	'bị ép làm',
	'bị bắt nạt hằng ngày',
	'bị đe dọa',
	'bị nhốt',
	'bị bỏ đói',
	'muốn chết',
	'muốn tự tử',
	'tự tử',
	'tự sát',
	'không muốn sống',
	'tự làm đau',
	'cắt tay',
	'rạch tay'
];

/**
 * Builds a matcher for a list of phrases; see the module comment for how diacritics count.
 * `foldAlways` ignores diacritics entirely: for danger, where a miss costs more than a false alarm.
 */
export function phraseMatcher(phrases: readonly string[], { foldAlways = false } = {}) {
	const entries = phrases
		.map((phrase) => phrase.normalize('NFC').toLowerCase().trim())
		.filter(Boolean)
		.map((phrase) => ({ exact: expandTeenSpellings(words(phrase)), folded: foldedWords(phrase), accented: hasDiacritics(phrase) }));
	return (text: string): boolean => {
		const typedWithAccents = !foldAlways && hasDiacritics(text);
		const exact = expandTeenSpellings(words(text.normalize('NFC').toLowerCase()));
		const folded = foldedWords(text);
		return entries.some((entry) =>
			entry.accented && typedWithAccents ? containsRun(exact, entry.exact) : containsRun(folded, entry.folded)
		);
	};
}

export type SafetyVerdict = 'danger' | 'filtered' | 'clean';

/** Danger outranks the word filter: a child in danger who also swears still reaches the organiser. */
export function checkSafety(text: string, filter: (text: string) => boolean, danger: (text: string) => boolean): SafetyVerdict {
	if (danger(text)) return 'danger';
	if (filter(text)) return 'filtered';
	return 'clean';
}

export const matchesDanger = phraseMatcher(DANGER_PHRASES, { foldAlways: true });

/** The event's own list, one entry per line, on top of the default list. */
export function eventWordFilter(extraLines: string) {
	return phraseMatcher([...DEFAULT_WORD_FILTER, ...extraLines.split(/\r?\n/)]);
}

function words(text: string): string[] {
	return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** True when `needle` occurs in `haystack` as consecutive whole words. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
	if (!needle.length) return false;
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

