import { describe, expect, it } from 'vitest';
import { PHONE_MESSAGE_KEYS } from '$lib/phone-messages';
import { phoneWords } from '$lib/server/phone-words';

/** The phone reads its words from the page (phone-messages.ts); the server makes them (phone-words.ts). */
describe('the phone’s words', () => {
	it('has words for every key the phone uses, with {name} where a value goes', () => {
		const { locale, words } = phoneWords();
		expect(locale).toBe('vi');
		expect(Object.keys(words).sort()).toEqual([...PHONE_MESSAGE_KEYS].sort());
		for (const key of PHONE_MESSAGE_KEYS) {
			expect(words[key], key).toMatch(/\S/);
			expect(words[key], key).not.toMatch(/undefined|\[object/);
		}
		expect(words.chars_left).toBe('Còn {count} ký tự');
		expect(words.delegation_of).toBe('Đoàn {name}');
	});

	it('lists each key once', () => {
		expect(new Set(PHONE_MESSAGE_KEYS).size).toBe(PHONE_MESSAGE_KEYS.length);
	});
});
