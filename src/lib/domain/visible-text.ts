/**
 * What of a child's text can be seen. Some characters draw nothing (a word joiner, a byte-order
 * mark, the Hangul fillers, the braille blank), and one letter can carry hundreds of combining marks
 * that smear over the lines around it on the screen: an item made of those shows as nothing, or as
 * a smudge. Pure and small: the phone's composer uses it too (through `normaliseText`).
 */

/**
 * Characters that draw nothing and are not a space: soft hyphen, combining grapheme joiner, Arabic
 * letter mark, Hangul fillers (choseong, jungseong, compatibility, halfwidth), Khmer inherent vowels,
 * Mongolian vowel separator, word joiner and invisible operators, deprecated format characters,
 * byte-order mark, interlinear annotation marks, and the musical-notation format controls.
 */
const INVISIBLE =
	/[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{1D173}-\u{1D17A}]/gu;

/** Blank characters that are not whitespace to `trim()`: read as a plain space. */
const BLANK = /[\u2800\u{1D159}]/gu;

/** The most combining marks kept on one letter: Vietnamese needs two (ệ, ở typed decomposed), a keycap two. */
export const MAX_MARKS_PER_LETTER = 2;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS_PER_LETTER}})\\p{M}+`, 'gu');

/** A letter, digit, punctuation mark or symbol: something that draws. (Private-use characters do not count.) */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** A letter or a digit: something that reads as words. */
const WORDS = /[\p{L}\p{N}]/u;

/**
 * Drops what draws nothing, reads braille blanks as spaces and keeps at most MAX_MARKS_PER_LETTER
 * combining marks on a letter (after NFC, so Vietnamese letters are whole). Empty when nothing is
 * left that can be seen: such a text is refused as empty.
 */
export function visibleText(nfcText: string): string {
	const text = nfcText.replace(INVISIBLE, '').replace(BLANK, ' ').replace(MARK_RUN, '$1');
	return VISIBLE.test(text) ? text : '';
}

/** False for a text of only emoji, symbols and punctuation ("😀😀😀", "!!!"): no word to read. */
export const hasWords = (text: string) => WORDS.test(text);
