/**
 * Hostile text for the fuzz tests (fast-check arbitraries), shared by the socket fuzz test
 * (vitest) and the HTTP fuzz test (Playwright): lone surrogates, bidi overrides, zero-width and
 * control characters, combining marks, injection strings, prototype-pollution names.
 */
import fc from 'fast-check';

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00b'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\r', '\n', '\t', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029'];
const COMBINING = ['\u0301', '\u0300', '\u0323', '\u0309', '\u0303', '\u0336', '\u20DD', 'e\u0302\u0301', 'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034D'];
const TRICKY = [
	'"',
	'\\',
	"'",
	'`',
	'<script>alert(1)</script>',
	"'; DROP TABLE submissions; --",
	'%00',
	'%s%n%x',
	'${7*7}',
	'{{7*7}}',
	'../../etc/passwd',
	'\\u0000',
	'null',
	'undefined',
	'NaN',
	'__proto__',
	'constructor',
	'prototype',
	'𝕳𝖊𝖑𝖑𝖔',
	'👩‍👩‍👧‍👦',
	'🏳️‍🌈',
	'ﷺ',
	'中文',
	'Tiếng Việt có dấu',
	'Đ',
	'İ',
	'ß',
	'\uFFFD',
	'\uFFFE',
	'\uFFFF',
	'\u{10FFFF}',
	'\u{E0001}'
];
export const HOSTILE_PIECES = [...LONE_SURROGATES, ...BIDI, ...ZERO_WIDTH, ...CONTROL, ...COMBINING, ...TRICKY];

export const hostileString: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }
		),
		{ maxLength: 24 }
	)
	.map((pieces) => pieces.join(''));

/** Characters normaliseText keeps as they are, so a run of them stays as long as it was. */
export const STABLE_CHARS = ['a', 'ệ', 'Đ', '中', '𝕏', '7'];
/** Hostile text followed by more than `min` stable characters: too long whatever normalising does. */
export const longString = (min: number, max: number) =>
	fc
		.tuple(hostileString, fc.constantFrom(...STABLE_CHARS), fc.integer({ min, max }))
		.map(([prefix, char, n]) => prefix + char.repeat(n));

/** Characters that normaliseText removes or trims: a text made of them is empty. */
const BLANK_CHARS = [' ', '\t', '\n', '\r', '\u00A0', '\u3000', '\uFEFF', '\u2028', '\u2029', '\u000B', '\u000C', '\u0000', '\u001F', '\u007F', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069'];
export const blankString = fc.array(fc.constantFrom(...BLANK_CHARS), { maxLength: 40 }).map((c) => c.join(''));

export const HOSTILE_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'__defineGetter__',
	'__lookupSetter__',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'isPrototypeOf',
	'then',
	'toJSON',
	'length',
	'0',
	'',
	' submissionId',
	'submissionId\u0000',
	'submissionid',
	'submissionId\u200B',
	'reason',
	'text',
	'id',
	'role',
	'eventId',
	'participantId',
	'userId',
	'status',
	'admin',
	'isAdmin',
	'decision',
	'answer'
];
export const hostileKey = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: hostileString });
