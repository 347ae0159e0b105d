import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type LimitedAction = 'submit' | 'vote' | 'join' | 'login';

/**
 * Submissions and votes are limited per child (participant id): generous enough for an offline
 * phone flushing its queue, tight enough to stop a script. Joins have no child yet, so they are
 * limited per address, and only as a ceiling far above a hall: 200 children behind the venue's one
 * public address all join within a minute or two.
 */
const LIMITS: Record<LimitedAction, { points: number; duration: number }> = {
	submit: { points: 10, duration: 60 },
	vote: { points: 60, duration: 30 },
	join: { points: Number(process.env.JOIN_LIMIT_PER_MINUTE ?? 1000), duration: 60 },
	login: { points: 300, duration: 15 * 60 }
};

export interface RateLimiter {
	/** Resolves true when the action is allowed. */
	allow(action: LimitedAction, key: string): Promise<boolean>;
	/** True once the key has used up its points, without using one. */
	exhausted(action: LimitedAction, key: string): Promise<boolean>;
}

export function createRateLimiter(overrides: Partial<typeof LIMITS> = {}): RateLimiter {
	const limiters = Object.fromEntries(
		Object.entries({ ...LIMITS, ...overrides }).map(([action, opts]) => [action, new RateLimiterMemory(opts)])
	) as Record<LimitedAction, RateLimiterMemory>;
	return {
		async allow(action, key) {
			try {
				await limiters[action].consume(key);
				return true;
			} catch (error) {
				if (error instanceof RateLimiterRes) return false;
				throw error;
			}
		},
		async exhausted(action, key) {
			const state = await limiters[action].get(key);
			return state !== null && state.remainingPoints <= 0;
		}
	};
}

export const unlimited: RateLimiter = { allow: async () => true, exhausted: async () => false };
