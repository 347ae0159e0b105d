import { EVENT_LEVELS, JOIN_CODE_ALPHABET, type EventDetails, type EventLevel } from './event';
import { fail, ok, type Result } from './result';
import { normaliseText } from './submission';

export const LIST_MAX_ENTRIES = 100;
export const ENTRY_MAX = 200;
export const TITLE_MAX = 200;
/**
 * 31^7 ≈ 27.5 billion codes: with the server's global budget of failed guesses (rate-limit.ts)
 * finding any one of 100 live events takes years, however many addresses guess. (Five characters,
 * 28.6 million codes, took 40 hours at the same budget.) Events made before keep their code.
 */
export const JOIN_CODE_LENGTH = 7;
export const AGENDA_MINUTES_MAX = 600;
export const FOLLOW_UP_DAYS_MAX = 365;
export const DEFAULT_FOLLOW_UP_DAYS = 30;
export const EXPECTED_CHILDREN_MAX = 20000;
/** Separates the parts of one pasted line: "Topic | Agency", "Item | minutes | who". */
export const LINE_SEPARATOR = '|';

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
	/** One item per line: "Title | planned minutes | who". */
	agenda: string;
	followUpDays: string;
	/** Extra words to hold for review, one per line. */
	wordFilter: string;
	moderation: boolean;
	allowNicknames: boolean;
	joinOpen: boolean;
	/** Single-use printed seat codes (off when left out, as by forms older than the setting). */
	seatCodes?: boolean;
	askAgeBand?: boolean;
	askGender?: boolean;
	/** How many children are expected, as typed (blank: not stated). */
	expectedChildren?: string;
	/** The organiser's tick: the legal representatives' consent was gathered (Law 91/2025). */
	personalDataConsent?: boolean;
}

export interface TopicSetup {
	name: string;
	/** Index into the agencies list of the default addressee, or null. */
	agency: number | null;
}

export interface AgendaSetup {
	title: string;
	plannedMinutes: number;
	presenter: string;
}

export interface EventSetup {
	title: string;
	level: EventLevel;
	organisingUnit: string;
	venue: string;
	startsAt: number | null;
	theme: string;
	topics: TopicSetup[];
	delegations: string[];
	agencies: string[];
	agenda: AgendaSetup[];
	followUpDays: number;
	wordFilter: string;
	moderation: boolean;
	allowNicknames: boolean;
	joinOpen: boolean;
	seatCodes: boolean;
	askAgeBand: boolean;
	askGender: boolean;
	expectedChildren: number | null;
	personalDataConsent: boolean;
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
const nameKey = (name: string) => name.toLocaleLowerCase('vi');
const lineParts = (line: string) => line.split(LINE_SEPARATOR).map(short);

/** "Topic | Agency" lines; the agency, when named, must be one of the event's agencies. */
function parseTopics(text: string, agencies: string[]): Result<TopicSetup[]> {
	const agencyIndex = new Map(agencies.map((name, i) => [nameKey(name), i]));
	const topics: TopicSetup[] = [];
	for (const line of parseList(text)) {
		const [name, agencyName = ''] = lineParts(line);
		if (!name) return fail('topics_missing');
		if (topics.some((t) => nameKey(t.name) === nameKey(name))) continue;
		const agency = agencyName ? agencyIndex.get(nameKey(agencyName)) : null;
		if (agency === undefined) return fail('topic_agency_unknown');
		topics.push({ name, agency });
	}
	return ok(topics);
}

/** "Title | minutes | who" lines; minutes are whole and between 1 and 600. */
function parseAgenda(text: string): Result<AgendaSetup[]> {
	const agenda: AgendaSetup[] = [];
	for (const line of text.split(/\r?\n/).map(short).filter(Boolean)) {
		const [title, minutes = '', presenter = ''] = lineParts(line);
		const plannedMinutes = /^\d{1,3}$/.test(minutes) ? Number(minutes) : NaN;
		if (!title || !(plannedMinutes >= 1 && plannedMinutes <= AGENDA_MINUTES_MAX)) return fail('agenda_invalid');
		if (title.length > ENTRY_MAX || presenter.length > ENTRY_MAX) return fail('list_too_long');
		agenda.push({ title, plannedMinutes, presenter });
	}
	if (agenda.length > LIST_MAX_ENTRIES) return fail('list_too_long');
	return ok(agenda);
}

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

	const [delegations, agencies] = [input.delegations, input.agencies].map(parseList);
	const topics = parseTopics(input.topics, agencies);
	if (!topics.ok) return topics;
	if (!topics.data.length) return fail('topics_missing');
	if (!delegations.length) return fail('delegations_missing');
	const names = [...topics.data.map((t) => t.name), ...delegations, ...agencies];
	if ([topics.data, delegations, agencies].some((list) => list.length > LIST_MAX_ENTRIES) || names.some((e) => e.length > ENTRY_MAX))
		return fail('list_too_long');
	const agenda = parseAgenda(input.agenda);
	if (!agenda.ok) return agenda;
	const filtered = parseList(input.wordFilter);
	if (filtered.length > 500 || filtered.some((w) => w.length > 60)) return fail('list_too_long');

	const days = input.followUpDays.trim();
	const followUpDays = days === '' ? DEFAULT_FOLLOW_UP_DAYS : /^\d{1,3}$/.test(days) ? Number(days) : NaN;
	if (!(followUpDays >= 1 && followUpDays <= FOLLOW_UP_DAYS_MAX)) return fail('follow_up_days_invalid');
	const expected = (input.expectedChildren ?? '').trim();
	const expectedChildren = expected === '' ? null : /^\d{1,5}$/.test(expected) ? Number(expected) : NaN;
	if (expectedChildren !== null && !(expectedChildren >= 1 && expectedChildren <= EXPECTED_CHILDREN_MAX)) return fail('expected_children_invalid');
	// Children's personal data needs their legal representatives' consent (Law 91/2025/QH15).
	const asksPersonalData = Boolean(input.askAgeBand || input.askGender);
	if (asksPersonalData && !input.personalDataConsent) return fail('consent_required');

	return ok({
		title,
		level: input.level as EventLevel,
		organisingUnit,
		venue,
		startsAt,
		theme,
		topics: topics.data,
		delegations,
		agencies,
		agenda: agenda.data,
		followUpDays,
		wordFilter: parseList(input.wordFilter).join('\n'),
		moderation: input.moderation,
		allowNicknames: input.allowNicknames,
		joinOpen: input.joinOpen,
		seatCodes: input.seatCodes ?? false,
		askAgeBand: input.askAgeBand ?? false,
		askGender: input.askGender ?? false,
		expectedChildren,
		personalDataConsent: asksPersonalData
	});
}

/** A short code to read aloud and type on a phone: no 0/O or 1/I/L look-alikes. */
export function generateJoinCode(randomIndex: (size: number) => number, length = JOIN_CODE_LENGTH): string {
	let code = '';
	for (let i = 0; i < length; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * The form an event was set up with, rebuilt from the stored event: to edit it, or to start next
 * year's forum from it. The inverse of validateEventSetup for everything it keeps.
 */
export function setupFormOf(event: EventDetails): EventSetupInput {
	const agencyName = new Map(event.agencies.map((a) => [a.id, a.name]));
	const line = (...parts: (string | number)[]) => parts.join(` ${LINE_SEPARATOR} `);
	return {
		title: event.title,
		level: event.level,
		organisingUnit: event.organisingUnit,
		venue: event.venue,
		date: event.startsAt === null ? '' : new Date(event.startsAt).toISOString().slice(0, 10),
		theme: event.theme,
		topics: event.topics
			.map((t) => (t.agencyId && agencyName.has(t.agencyId) ? line(t.name, agencyName.get(t.agencyId)!) : t.name))
			.join('\n'),
		delegations: event.delegations.map((d) => d.name).join('\n'),
		agencies: event.agencies.map((a) => a.name).join('\n'),
		agenda: event.agenda.map((a) => (a.presenter ? line(a.title, a.plannedMinutes, a.presenter) : line(a.title, a.plannedMinutes))).join('\n'),
		followUpDays: String(event.followUpDays),
		wordFilter: event.wordFilter,
		moderation: event.moderation,
		allowNicknames: event.allowNicknames,
		joinOpen: event.joinOpen,
		seatCodes: event.seatCodes,
		askAgeBand: event.askAgeBand,
		askGender: event.askGender,
		expectedChildren: event.expectedChildren == null ? '' : String(event.expectedChildren),
		personalDataConsent: event.personalDataConsentAt != null
	};
}

/**
 * Matches an edited list to the stored one by name (ignoring case), so a kept delegation keeps
 * its id and the children and items that point at it. New names get new ids; the rest are removed.
 */
export function reconcileEntries<T extends { id: string }>(
	stored: (T & { key: string })[],
	wanted: { key: string }[],
	newId: () => string
): { ids: string[]; removed: string[] } {
	const byKey = new Map(stored.map((entry) => [nameKey(entry.key), entry.id]));
	const ids = wanted.map((entry) => byKey.get(nameKey(entry.key)) ?? newId());
	const kept = new Set(ids);
	return { ids, removed: stored.filter((entry) => !kept.has(entry.id)).map((entry) => entry.id) };
}
