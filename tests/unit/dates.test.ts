import { describe, expect, it } from 'vitest';
import { daysBetween, vnDay, vnDayTime, vnIsoDay } from '$lib/dates';

describe('dates on the follow-up pages', () => {
	it('prints dd/mm/yyyy in Vietnam’s time zone, whatever the machine’s', () => {
		// 31 Dec 2026, 23:59:59 in Hanoi is 16:59:59 UTC.
		const endOfYear = Date.UTC(2026, 11, 31, 16, 59, 59);
		expect(vnDay(endOfYear)).toBe('31/12/2026');
		expect(vnDayTime(endOfYear)).toBe('31/12/2026 23:59');
		expect(vnIsoDay(endOfYear)).toBe('2026-12-31');
		// One second later it is already 1 January in Hanoi.
		expect(vnDay(endOfYear + 1000)).toBe('01/01/2027');
		expect(vnDay(Date.UTC(2026, 0, 5, 3))).toBe('05/01/2026');
	});

	it('counts whole days, never negative', () => {
		const day = 24 * 60 * 60 * 1000;
		expect(daysBetween(0, 3 * day + 5)).toBe(3);
		expect(daysBetween(5 * day, 0)).toBe(0);
	});
});
