export const EVENT_LEVELS = ['commune', 'district', 'province', 'national'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];

export interface NamedEntry {
	id: string;
	name: string;
}

export interface ForumEvent {
	id: string;
	code: string;
	title: string;
	theme: string;
	level: EventLevel;
	organisingUnit: string;
	venue: string;
	startsAt: number | null;
	moderation: boolean;
	allowNicknames: boolean;
	joinOpen: boolean;
	/** Days an agency has to answer a follow-up by default. */
	followUpDays: number;
	/** The forum this one was copied from, whose follow-ups it reviews. */
	predecessorId: string | null;
	/** The higher-level forum this one's results compile into (a district's into the province's). */
	parentEventId?: string | null;
	/** The event's own filtered words, one per line, on top of the default list. */
	wordFilter: string;
	/** The secret in the projection screen's link. */
	displayKey: string;
	/** Joining needs an unused printed seat code (single-use), not just the event's join code. */
	seatCodes: boolean;
	/** Optional questions for the balance statistics; need the recorded consent below. */
	askAgeBand: boolean;
	askGender: boolean;
	/** Children the organiser expects; past it and a margin, joining needs a seat code. Null or absent: not stated. */
	expectedChildren?: number | null;
	/** The organiser who recorded that legal representatives consented (Law 91/2025), and when. */
	personalDataConsentBy?: string | null;
	personalDataConsentAt?: number | null;
	/**
	 * Set when the forum was imported from another installation's package: read-only here. The
	 * installation it came from, its id there, when the package was made and the package's checksum.
	 */
	importedFrom?: string | null;
	importedSourceId?: string | null;
	importedExportedAt?: number | null;
	importedChecksum?: string | null;
}

/** A topic, and the agency its items are addressed to when a child names none. */
export interface TopicEntry extends NamedEntry {
	agencyId: string | null;
}

export interface AgendaItem {
	id: string;
	title: string;
	plannedMinutes: number;
	/** Who speaks or performs: free text, e.g. "MC" or "Đội văn nghệ". */
	presenter: string;
}

export interface EventDetails extends ForumEvent {
	topics: TopicEntry[];
	delegations: NamedEntry[];
	agencies: NamedEntry[];
	agenda: AgendaItem[];
}

/** What a phone needs of the event: never the screen's secret, nor the staff's run of show. */
export type PublicEventDetails = Omit<
	EventDetails,
	'displayKey' | 'agenda' | 'predecessorId' | 'wordFilter' | 'personalDataConsentBy' | 'personalDataConsentAt'
>;

export function publicDetails({
	displayKey: _secret,
	agenda: _agenda,
	predecessorId: _predecessor,
	wordFilter: _wordFilter,
	personalDataConsentBy: _consentBy,
	personalDataConsentAt: _consentAt,
	...rest
}: EventDetails): PublicEventDetails {
	return rest;
}

/** Read aloud in a hall and typed on a phone: no 0/O, 1/I/L look-alikes. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The name of a list entry (a delegation, a topic, an agency) by id; '' when it has none. */
export function nameIn(list: readonly { id: string; name: string }[], id: string | null | undefined): string {
	return list.find((entry) => entry.id === id)?.name ?? '';
}

export function normaliseJoinCode(input: string): string {
	return input.normalize('NFC').toUpperCase().replace(/[\s-]/g, '');
}

export function isPlausibleJoinCode(code: string): boolean {
	return code.length >= 3 && code.length <= 12 && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Whether a forum at `to` is above one at `from`: commune < district < province < national. */
export function isHigherLevel(from: EventLevel, to: EventLevel): boolean {
	return EVENT_LEVELS.indexOf(to) > EVENT_LEVELS.indexOf(from);
}
