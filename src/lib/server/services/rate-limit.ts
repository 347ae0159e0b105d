import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Cluster } from '../cluster/cluster';

export type LimitedAction =
	| 'submit'
	| 'vote'
	| 'join'
	| 'login'
	| 'joinFailure'
	| 'joinFailurePerDevice'
	| 'joinFailureGlobal'
	| 'submitPerAddress'
	| 'votePerAddress';

/** Per child. */
const SUBMIT = { points: 10, duration: 60 };
const VOTE = { points: 60, duration: 30 };
/**
 * The per-address ceilings are sized for the biggest hall we plan for, every child at their own
 * limit at once: a hall is one public address behind the venue's router, so anything lower could
 * stop a whole hall. They only stop one machine posing as many children (each join is a new child
 * with fresh per-child points).
 */
export const HALL_CEILING_CHILDREN = 200;

/**
 * Submissions and votes are limited per child (participant id): generous enough for an offline
 * phone flushing its queue, tight enough to stop a script; and per address, as a ceiling
 * (200 children × the per-child limit: 2,000 items a minute, 12,000 votes in 30 s). Joins have no
 * child yet, so they are limited per address, and only as a ceiling far above a hall: 200 children
 * behind the venue's one public address all join within a minute or two.
 *
 * Failed join attempts (unknown join codes, wrong or used seat codes) have three budgets, and only
 * failures spend them: per device (the `dd_device` cookie), small, so one child mistyping or
 * guessing stops only their own phone; per address, a hall's worth (every child of the biggest
 * hall mistyping once and a half), so only a script stops a hall from typing the code; and one
 * for the whole server (`GLOBAL_JOIN_FAILURES`), which bounds guessing whatever the number of
 * addresses. The QR code's link carries a long key that is never throttled, so a hall scanning
 * it always gets in, and a phone already joined always gets back in.
 */
const LIMITS: Record<LimitedAction, { points: number; duration: number }> = {
	submit: SUBMIT,
	vote: VOTE,
	submitPerAddress: { points: HALL_CEILING_CHILDREN * SUBMIT.points, duration: SUBMIT.duration },
	votePerAddress: { points: HALL_CEILING_CHILDREN * VOTE.points, duration: VOTE.duration },
	join: { points: Number(process.env.JOIN_LIMIT_PER_MINUTE ?? 1000), duration: 60 },
	joinFailurePerDevice: { points: Number(process.env.JOIN_FAILURES_PER_DEVICE ?? 10), duration: 60 },
	joinFailure: { points: Number(process.env.JOIN_FAILURES_PER_MINUTE ?? Math.round(HALL_CEILING_CHILDREN * 1.5)), duration: 60 },
	joinFailureGlobal: { points: Number(process.env.JOIN_FAILURES_GLOBAL_PER_MINUTE ?? 120), duration: 60 },
	login: { points: 300, duration: 15 * 60 }
};

/** The one key of the server-wide failure budget. */
export const GLOBAL_KEY = 'all';

/** The limits in force, for the documentation test. */
export const RATE_LIMITS: Readonly<Record<LimitedAction, { points: number; duration: number }>> = LIMITS;

export interface RateLimiter {
	/** Resolves true when the action is allowed. */
	allow(action: LimitedAction, key: string): Promise<boolean>;
	/** True once the key has used up its points, without using one. */
	exhausted(action: LimitedAction, key: string): Promise<boolean>;
}

/**
 * Without a cluster every limit lives in this process's memory. With one (REDIS_URL), every limit
 * is counted in Redis, so a hall behind one address, spread over several processes, meets one
 * ceiling and not one per process. While Redis is unreachable each limit falls back to a memory
 * limiter of its own (rate-limiter-flexible's insurance): the hall keeps going, limited per process
 * until Redis is back (the fail-fast connection errors at once instead of queueing).
 */
export function createRateLimiter(overrides: Partial<typeof LIMITS> = {}, cluster?: Pick<Cluster, 'commands' | 'prefix'>): RateLimiter {
	const limiterOf = (action: string, opts: { points: number; duration: number }): RateLimiterAbstract =>
		cluster
			? new RateLimiterRedis({
					...opts,
					storeClient: cluster.commands,
					keyPrefix: `${cluster.prefix}limit:${action}`,
					rejectIfRedisNotReady: true,
					insuranceLimiter: new RateLimiterMemory(opts)
				})
			: new RateLimiterMemory(opts);
	const limiters = Object.fromEntries(
		Object.entries({ ...LIMITS, ...overrides }).map(([action, opts]) => [action, limiterOf(action, opts)])
	) as Record<LimitedAction, RateLimiterAbstract>;
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
