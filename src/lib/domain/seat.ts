import { JOIN_CODE_ALPHABET } from './event';

/** 31^8 ≈ 850 billion codes per event: with failed attempts throttled, not worth guessing. */
export const SEAT_CODE_LENGTH = 8;
export const SEATS_PER_BATCH_MAX = 300;

/** Typed from a card: spaces, dashes and case do not matter. */
export function normaliseSeatCode(input: string): string {
	return input.normalize('NFC').toUpperCase().replace(/[\s-]/g, '').slice(0, 20);
}

export function isPlausibleSeatCode(code: string): boolean {
	return code.length === SEAT_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Printed in two groups of four, easy to read out and type. */
export function formatSeatCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function generateSeatCode(randomIndex: (size: number) => number): string {
	let code = '';
	for (let i = 0; i < SEAT_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
	return code;
}
