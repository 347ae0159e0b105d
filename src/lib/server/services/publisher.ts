/**
 * The one way services announce changes. Today a Socket.IO server sits behind it; a multi-process
 * deployment swaps in an adapter here and nowhere else.
 */
import type { ServerToClientEvents } from '$lib/realtime/protocol';

export type Audience =
	| { kind: 'audience'; eventId: string }
	/** Phones and screens of one event, without the staff consoles that also sit in the audience. */
	| { kind: 'hall'; eventId: string }
	| { kind: 'display'; eventId: string }
	| { kind: 'participant'; participantId: string }
	/** Moderators' and organisers' consoles of one event: items waiting for moderation. */
	| { kind: 'moderators'; eventId: string }
	/** Organisers' connections of one event: safeguarding alerts. */
	| { kind: 'organisers'; eventId: string }
	/** Every staff connection of one event. */
	| { kind: 'staff'; eventId: string }
	/** One staff member's open connections, closed when their sessions end. */
	| { kind: 'staffUser'; userId: string }
	/** The connections opened with one staff session. */
	| { kind: 'staffSession'; sessionId: string }
	/** One staff member's connections to one event. */
	| { kind: 'staffMember'; userId: string; eventId: string };

export interface Publisher {
	/** Closes every live connection in the audience, e.g. screens whose link was revoked. */
	evict(audience: Audience): void;
	publish<E extends keyof ServerToClientEvents>(
		audience: Audience,
		event: E,
		...payload: Parameters<ServerToClientEvents[E]>
	): void;
	/** Whether anyone in the audience is connected now (on any process). */
	present(audience: Audience): Promise<boolean>;
}

/** Lets services be built before the realtime server exists (and in tests without one). */
export class PublisherRelay implements Publisher {
	#target: Publisher | null = null;

	connect(target: Publisher | null) {
		this.#target = target;
	}

	publish<E extends keyof ServerToClientEvents>(
		audience: Audience,
		event: E,
		...payload: Parameters<ServerToClientEvents[E]>
	) {
		this.#target?.publish(audience, event, ...payload);
	}

	evict(audience: Audience) {
		this.#target?.evict(audience);
	}

	async present(audience: Audience) {
		return (await this.#target?.present(audience)) ?? false;
	}
}
