/**
 * Dates as staff read them on every follow-up page and file: one format, dd/mm/yyyy (hh:mm), in
 * Vietnam's time zone (UTC+7 all year, no daylight saving), the same whatever the browser's locale.
 * Pure and tiny: no Intl data, so the server and the browser print the same characters.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

export function vnDay(at: number): string {
	const d = new Date(at + VIETNAM_OFFSET_MS);
	return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function vnDayTime(at: number): string {
	const d = new Date(at + VIETNAM_OFFSET_MS);
	return `${vnDay(at)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** yyyy-mm-dd in Vietnam's time zone: the value a date field takes. */
export function vnIsoDay(at: number): string {
	return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, at least 0. */
export function daysBetween(from: number, to: number): number {
	return Math.max(0, Math.floor((to - from) / DAY_MS));
}
