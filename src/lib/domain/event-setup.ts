import { EVENT_LEVELS, JOIN_CODE_ALPHABET, type EventLevel } from './event';
import { fail, ok, type Result } from './result';
import { normaliseText } from './submission';

export const LIST_MAX_ENTRIES = 100;
export const ENTRY_MAX = 200;
export const TITLE_MAX = 200;
export const JOIN_CODE_LENGTH = 5;

export interface EventSetupInput {
	title: string;
	level: string;
	organisingUnit: string;
	venue: string;
	/** yyyy-mm-dd from a date input, or empty. */
	date: string;
	theme: string;
	topics: string;
	delegations: string;
	agencies: string;
	moderation: boolean;
	allowNicknames: boolean;
	joinOpen: boolean;
}

export interface EventSetup {
	title: string;
	level: EventLevel;
	organisingUnit: string;
	venue: string;
	startsAt: number | null;
	theme: string;
	topics: string[];
	delegations: string[];
	agencies: string[];
	moderation: boolean;
	allowNicknames: boolean;
	joinOpen: boolean;
}

/** A pasted list, one entry per line: blank lines and repeats (ignoring case) dropped. */
export function parseList(text: string): string[] {
	const seen = new Set<string>();
	const entries: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		const entry = normaliseText(line);
		const key = entry.toLocaleLowerCase('vi');
		if (!entry || seen.has(key)) continue;
		seen.add(key);
		entries.push(entry);
	}
	return entries;
}

const short = (text: string) => normaliseText(text).replace(/\n/g, ' ');

export function validateEventSetup(input: EventSetupInput): Result<EventSetup> {
	const title = short(input.title);
	if (!title || title.length > TITLE_MAX) return fail('title_invalid');
	if (!(EVENT_LEVELS as readonly string[]).includes(input.level)) return fail('level_invalid');
	const [organisingUnit, venue, theme] = [input.organisingUnit, input.venue, input.theme].map(short);
	if ([organisingUnit, venue, theme].some((field) => field.length > ENTRY_MAX)) return fail('field_too_long');

	let startsAt: number | null = null;
	if (input.date) {
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
		startsAt = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
		if (!Number.isFinite(startsAt)) return fail('date_invalid');
	}

	const [topics, delegations, agencies] = [input.topics, input.delegations, input.agencies].map(parseList);
	if (!topics.length) return fail('topics_missing');
	if (!delegations.length) return fail('delegations_missing');
	if ([topics, delegations, agencies].some((list) => list.length > LIST_MAX_ENTRIES || list.some((e) => e.length > ENTRY_MAX)))
		return fail('list_too_long');

	return ok({
		title,
		level: input.level as EventLevel,
		organisingUnit,
		venue,
		startsAt,
		theme,
		topics,
		delegations,
		agencies,
		moderation: input.moderation,
		allowNicknames: input.allowNicknames,
		joinOpen: input.joinOpen
	});
}

/** A short code to read aloud and type on a phone: no 0/O or 1/I/L look-alikes. */
export function generateJoinCode(randomIndex: (size: number) => number, length = JOIN_CODE_LENGTH): string {
	let code = '';
	for (let i = 0; i < length; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
	return code;
}
