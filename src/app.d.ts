import type { Participant } from '$lib/domain/participant';
import type { SignedInStaff } from '$lib/server/services/staff-auth-service';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A join code the visitor typed, echoed back on the "no such forum" page. */
			code?: string;
			kind?: 'unknown_event' | 'unknown_screen' | 'link_invalid' | 'too_many_attempts';
		}
		interface Locals {
			participant: Participant | null;
			staff: SignedInStaff | null;
		}
	}
}

export {};
