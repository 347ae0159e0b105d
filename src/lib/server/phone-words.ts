/**
 * The phone's words in the request's language (paraglide's locale, set per request in
 * hooks.server.ts), for $lib/phone-messages on the phone. A message with values is rendered with
 * `{name}` in their place, which the phone fills in. Words do not change while the server runs:
 * made once per language.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { PHONE_MESSAGE_KEYS, type PhoneWords } from '$lib/phone-messages';

/** Stands for any message's values: `{name}` for each value the message reads. */
const placeholders = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? `{${name}}` : undefined) });

const made = new Map<string, PhoneWords>();

export function phoneWords(): PhoneWords {
	const locale = getLocale();
	let words = made.get(locale);
	if (!words) {
		const render = m as unknown as Record<string, (inputs: object) => string>;
		words = { locale, words: Object.fromEntries(PHONE_MESSAGE_KEYS.map((key) => [key, render[key](placeholders)])) };
		made.set(locale, words);
	}
	return words;
}
