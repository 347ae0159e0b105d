/**
 * Leases of once-only work, per event, in Redis: with several app processes, one process at a time
 * owns an event's ticks (vote counts, poll tallies, join counts), so two tickers never race on one
 * screen nor do the work twice. A lease is a key holding its owner's token with a time to live
 * (SET NX PX); the owner renews it every second with a compare-and-set script, so a process that
 * dies (or stalls) loses it within LEASE_TTL_MS and another process claims it.
 *
 * The `wanted` set lists the events that have work waiting for an owner: every process claims
 * from it on each renewal, so an event's work is taken over even by a process that never saw
 * one of its phones. The owner takes the event out of it only when it lets the lease go with
 * nothing waiting (`release`).
 *
 * Keys: `<prefix>lease:<eventId>` (the owner's token) and `<prefix>wanted` (a set of event ids).
 * The scripts build lease keys from the prefix, which a single Redis allows (not Redis Cluster).
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { RedisClient } from './redis';

/** How long a lease lives without renewal: how soon another process takes over a dead owner's work. */
export const LEASE_TTL_MS = 3000;
/** How often an owner renews its leases and claims events left without one. */
export const LEASE_RENEW_MS = 1000;

type ScriptArg = string | number;

/** A Lua script run by its hash; its text is sent only when Redis does not know it (e.g. after a restart). */
export function luaScript(lua: string) {
	const sha = createHash('sha1').update(lua).digest('hex');
	return async (redis: RedisClient, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown> => {
		try {
			return await redis.evalsha(sha, keys.length, ...keys, ...args);
		} catch (error) {
			if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
			return redis.eval(lua, keys.length, ...keys, ...args);
		}
	};
}

/** Renews the given leases if still ours, then claims every wanted event that has no owner. */
const keepAndClaim = luaScript(`
local prefix, token, ttl = ARGV[1], ARGV[2], ARGV[3]
local kept, claimed = {}, {}
for i = 4, #ARGV do
	local key = prefix .. 'lease:' .. ARGV[i]
	if redis.call('GET', key) == token then
		redis.call('PEXPIRE', key, ttl)
		kept[#kept + 1] = ARGV[i]
	end
end
for _, eventId in ipairs(redis.call('SMEMBERS', KEYS[1])) do
	if redis.call('SET', prefix .. 'lease:' .. eventId, token, 'NX', 'PX', ttl) then claimed[#claimed + 1] = eventId end
end
return { kept, claimed }
`);

/** Lets a lease go if it is ours and none of the given keys holds work (then the event is no longer wanted). */
const releaseIfIdle = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 3, #KEYS do
	if redis.call('EXISTS', KEYS[i]) == 1 then return -1 end
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 1
`);

/** Lets a lease go if it is ours, leaving the event wanted: a stopping process hands its work on. */
const handOff = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface LeaseSettings {
	/** Put before every key, so several forums (or tests) can share one Redis. */
	keyPrefix: string;
	ttlMs?: number;
}

export function eventLeases(redis: RedisClient, { keyPrefix, ttlMs = LEASE_TTL_MS }: LeaseSettings) {
	// Names the process, so whoever watches Redis (`GET <prefix>lease:<event>`) sees which one owns.
	const token = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
	const key = (eventId: string) => `${keyPrefix}lease:${eventId}`;
	const wanted = `${keyPrefix}wanted`;
	return {
		token,
		ttlMs,
		key,
		wanted,
		/** Renews `owned` (answers those still ours) and claims wanted events without an owner. */
		async keep(owned: readonly string[]): Promise<{ kept: string[]; claimed: string[] }> {
			const [kept, claimed] = (await keepAndClaim(redis, [wanted], [keyPrefix, token, ttlMs, ...owned])) as [string[], string[]];
			return { kept, claimed };
		},
		/** 'released' when let go; 'busy' when work is still waiting in `pending` keys; 'lost' when not ours. */
		async release(eventId: string, pending: readonly string[]): Promise<'released' | 'busy' | 'lost'> {
			const result = Number(await releaseIfIdle(redis, [key(eventId), wanted, ...pending], [token, eventId]));
			return result === 1 ? 'released' : result === -1 ? 'busy' : 'lost';
		},
		/** Gives the lease up now, for a stopping process: another one claims the event at its next renewal. */
		async handOff(eventId: string): Promise<void> {
			await handOff(redis, [key(eventId)], [token]);
		},
		/** The token of the process that owns the event's ticks now, if any. */
		holder: (eventId: string) => redis.get(key(eventId))
	};
}

export type EventLeases = ReturnType<typeof eventLeases>;
