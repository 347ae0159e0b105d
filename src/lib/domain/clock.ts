/** "m:ss" (or "h:mm:ss") for the MC's timer and the agenda countdown; never negative. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Time left of an agenda item started at `startedAt`, planned for `minutes`; negative when over. */
export function agendaRemainingMs(startedAt: number, minutes: number, now: number): number {
	return startedAt + minutes * 60_000 - now;
}
