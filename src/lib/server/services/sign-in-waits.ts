/**
 * The per-account sign-in slowdown's memory (staff-auth-service.ts says the rules): consecutive
 * failures per key, and the browsers known to have signed in to an account. In this process's
 * memory by default; with several processes (REDIS_URL) in Redis, so forty addresses guessing one
 * password through different processes still share one growing wait. While Redis is unreachable
 * the memory store stands in: a blip forgives a few guesses, never locks the hall's staff out.
 */
import { loginDelayMs } from '$lib/domain/staff';
import type { Cluster } from '../cluster/cluster';

export interface SignInWaits {
	/**
	 * Whether an attempt under `key` may check a password now; if so it counts as a failure at
	 * once (`forgive` clears it on success), so forty guesses sent at the same instant wait too.
	 */
	reserve(key: string, now: number): Promise<boolean>;
	forgive(key: string): Promise<void>;
	/** Remembers that the browser `deviceId` signed in to `username`. */
	trust(deviceId: string, username: string, now: number): Promise<void>;
	trusted(deviceId: string, username: string): Promise<boolean>;
}

/** A failure count is forgotten this long after its last attempt. */
const FORGET_AFTER_MS = 15 * 60 * 1000;
/** A browser is known to an account this long after it last signed in. */
const DEVICE_FORGET_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

/** One process's memory. Old entries are swept so a flood of made-up names cannot grow it without end. */
export function memorySignInWaits(): SignInWaits {
	const failures = new Map<string, { count: number; lastAt: number }>();
	const devices = new Map<string, { usernames: Set<string>; lastAt: number }>();
	function sweep(now: number) {
		if (failures.size >= 10_000) for (const [key, f] of failures) if (now - f.lastAt > FORGET_AFTER_MS) failures.delete(key);
		if (devices.size >= 10_000) for (const [key, d] of devices) if (now - d.lastAt > DEVICE_FORGET_AFTER_MS) devices.delete(key);
	}
	return {
		async reserve(key, now) {
			const failed = failures.get(key);
			if (failed && now < failed.lastAt + loginDelayMs(failed.count)) return false;
			sweep(now);
			failures.set(key, { count: (failed?.count ?? 0) + 1, lastAt: now });
			return true;
		},
		async forgive(key) {
			failures.delete(key);
		},
		async trust(deviceId, username, now) {
			const known = devices.get(deviceId) ?? { usernames: new Set<string>(), lastAt: 0 };
			known.usernames.add(username);
			known.lastAt = now;
			devices.set(deviceId, known);
		},
		async trusted(deviceId, username) {
			return devices.get(deviceId)?.usernames.has(username) ?? false;
		}
	};
}

/**
 * Check and count in one step, inside Redis: two processes taking the same account's attempt at
 * the same instant cannot both get through. The wait after n failures (loginDelayMs) is passed
 * in as a table, so the rule stays in the domain and the script only looks it up.
 */
const RESERVE = `
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local waitUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
local now = tonumber(ARGV[1])
if now < waitUntil then return 0 end
count = count + 1
local delay = tonumber(ARGV[2 + math.min(count, #ARGV - 2)])
redis.call('HSET', KEYS[1], 'count', count, 'until', now + delay)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;
/** loginDelayMs(1 … n): the last entry is the ceiling every later failure waits. */
const DELAYS = Array.from({ length: 16 }, (_, i) => loginDelayMs(i + 1));

export function redisSignInWaits(cluster: Pick<Cluster, 'commands' | 'prefix'>, fallback: SignInWaits = memorySignInWaits()): SignInWaits {
	const redis = cluster.commands;
	const failureKey = (key: string) => `${cluster.prefix}sign-in:failures:${key}`;
	const deviceKey = (deviceId: string) => `${cluster.prefix}sign-in:device:${deviceId}`;
	/** Redis when it answers, this process's memory when it does not. */
	const either = async <T>(shared: () => Promise<T>, local: () => Promise<T>) => {
		try {
			return await shared();
		} catch {
			return local();
		}
	};
	return {
		reserve: (key, now) =>
			either(
				async () => (await redis.eval(RESERVE, 1, failureKey(key), now, FORGET_AFTER_MS, ...DELAYS)) === 1,
				() => fallback.reserve(key, now)
			),
		forgive: (key) =>
			either(
				async () => {
					await redis.del(failureKey(key));
					await fallback.forgive(key);
				},
				() => fallback.forgive(key)
			),
		trust: (deviceId, username, now) =>
			either(
				async () => {
					await redis.multi().sadd(deviceKey(deviceId), username).pexpire(deviceKey(deviceId), DEVICE_FORGET_AFTER_MS).exec();
				},
				() => fallback.trust(deviceId, username, now)
			),
		trusted: (deviceId, username) =>
			either(
				async () => (await redis.sismember(deviceKey(deviceId), username)) === 1 || (await fallback.trusted(deviceId, username)),
				() => fallback.trusted(deviceId, username)
			)
	};
}
