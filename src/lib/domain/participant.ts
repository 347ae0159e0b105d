import { NICKNAME_MAX, normaliseText } from './submission';

export interface Participant {
	id: string;
	eventId: string;
	delegationId: string;
	nickname: string | null;
	showNickname: boolean;
}

/** A nickname is optional; blank means none. Returns null for "no nickname", or an error. */
export function cleanNickname(raw: string | null | undefined): { ok: true; nickname: string | null } | { ok: false } {
	const nickname = normaliseText(raw ?? '').replace(/\n/g, ' ');
	if (nickname.length > NICKNAME_MAX) return { ok: false };
	return { ok: true, nickname: nickname || null };
}

/**
 * Optional answers for the report's balance statistics (Circular 29 plans ask for gender balance
 * and ages). Never part of `Participant`: they stay in the database and reach only the report.
 */
export const AGE_BANDS = ['12-13', '14-15', '16+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const GENDERS = ['male', 'female', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** A known value, or null for "not answered" (anything else a form sends is dropped). */
export const ageBandOf = (raw: unknown): AgeBand | null => ((AGE_BANDS as readonly unknown[]).includes(raw) ? (raw as AgeBand) : null);
export const genderOf = (raw: unknown): Gender | null => ((GENDERS as readonly unknown[]).includes(raw) ? (raw as Gender) : null);
