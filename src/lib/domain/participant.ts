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
