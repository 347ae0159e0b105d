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
	/** The secret in the projection screen's link. */
	displayKey: string;
}

export interface EventDetails extends ForumEvent {
	topics: NamedEntry[];
	delegations: NamedEntry[];
	agencies: NamedEntry[];
}

/** What a phone may know of the event: everything but the screen's secret. */
export type PublicEventDetails = Omit<EventDetails, 'displayKey'>;

export function publicDetails({ displayKey: _secret, ...rest }: EventDetails): PublicEventDetails {
	return rest;
}

/** Read aloud in a hall and typed on a phone: no 0/O, 1/I/L look-alikes. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function normaliseJoinCode(input: string): string {
	return input.normalize('NFC').toUpperCase().replace(/[\s-]/g, '');
}

export function isPlausibleJoinCode(code: string): boolean {
	return code.length >= 3 && code.length <= 12 && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}
