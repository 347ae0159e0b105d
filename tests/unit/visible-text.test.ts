/**
 * Text that shows as nothing, or smears over the screen, is not a child's item: the outside fault
 * test sent texts of only invisible characters, nicknames of only the Hangul filler and one letter
 * carrying 498 combining marks, and all were accepted.
 */
import { describe, expect, it } from 'vitest';
import { cleanNickname } from '$lib/domain/participant';
import { normaliseText } from '$lib/domain/submission';
import { hasWords, MAX_MARKS_PER_LETTER } from '$lib/domain/visible-text';
import { itemText, parsePayload } from '$lib/server/realtime/schemas';
import { startingPoint } from '$lib/server/services/text-check';

const INVISIBLE_ONLY = {
	'word joiner': '\u2060\u2060\u2060',
	'byte-order mark': '\uFEFF\uFEFF',
	'Hangul filler': '\u3164\u3164\u3164',
	'halfwidth Hangul filler': '\uFFA0',
	'Hangul choseong and jungseong fillers': '\u115F\u1160',
	'braille blank': '\u2800\u2800\u2800',
	'soft hyphens and a combining grapheme joiner': '\u00AD\u034F\u00AD',
	'a mix, with spaces': ' \u2060 \u3164 \u2800 \uFEFF ',
	'combining marks with no letter': '\u0301\u0323\u0300',
	'private-use characters': '\uE000\uE001'
};

describe('text with nothing visible', () => {
	for (const [name, text] of Object.entries(INVISIBLE_ONLY)) {
		it(`is refused as empty: ${name}`, () => {
			expect(normaliseText(text)).toBe('');
			expect(parsePayload(itemText, text)).toEqual({ ok: false, code: 'text_empty' });
		});
	}

	it('a nickname of only the Hangul filler is no nickname', () => {
		expect(cleanNickname('\u3164\u3164')).toEqual({ ok: true, nickname: null });
		expect(cleanNickname('\u3164Lan\u2060')).toEqual({ ok: true, nickname: 'Lan' });
	});

	it('keeps what is seen: Vietnamese typed decomposed, emoji, spaces between words', () => {
		expect(normaliseText('Tie\u0302\u0301ng Vie\u0323\u0302t')).toBe('Tiếng Việt');
		expect(normaliseText('Em\u2060 muốn\u2800hỏi 😀')).toBe('Em muốn hỏi 😀');
		expect(normaliseText('1\uFE0F\u20E3')).toBe('1\uFE0F\u20E3');
	});
});

describe('combining marks', () => {
	it(`keeps at most ${MAX_MARKS_PER_LETTER} on one letter (the fault test sent 498)`, () => {
		const zalgo = 'a' + '\u0301\u0300\u0323\u0309'.repeat(124) + '\u0301\u0300';
		const clean = normaliseText(`Xin chào ${zalgo} bạn`);
		expect(clean.length).toBeLessThan(20);
		// NFC first composes what it can (a + dot below = ạ), then at most two marks stay on it.
		expect(clean).toMatch(/^Xin chào \p{L}\p{M}{1,2} bạn$/u);
		const parsed = parsePayload(itemText, zalgo);
		expect(parsed.ok && [...parsed.data].length).toBeLessThanOrEqual(1 + MAX_MARKS_PER_LETTER);
	});
});

describe('emoji-only items', () => {
	it('wait for review even when moderation is off', () => {
		expect(hasWords('😀😀😀')).toBe(false);
		expect(startingPoint('😀😀😀', '', false)).toEqual({ status: 'pending', held: false });
		expect(startingPoint('👍 !!!', '', false)).toEqual({ status: 'pending', held: false });
		expect(startingPoint('Em thích 😀', '', false)).toEqual({ status: 'approved', held: false });
	});
});
