import type { Participant } from '$lib/domain/participant';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A join code the visitor typed, echoed back on the "no such forum" page. */
			code?: string;
			kind?: 'unknown_event' | 'unknown_screen';
		}
		interface Locals {
			participant: Participant | null;
		}
	}
}

export {};
