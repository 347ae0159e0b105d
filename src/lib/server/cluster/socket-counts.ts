/**
 * Open live connections counted across processes, for the socket caps (realtime/socket-caps.ts):
 * a child, a staff session or a hall's address spread over several processes meets one cap, not
 * one per process. Each counted key is a sorted set in Redis of socket ids, scored by when the
 * entry lapses: a process refreshes its own sockets' entries every `REFRESH_MS`, so the sockets of
 * a process that died without saying goodbye stop counting within `LAPSE_MS` (a hall moving from
 * a killed process to another meanwhile is counted twice for that long: the caps leave room).
 * Redis's own clock scores the entries, so processes' clocks need not agree.
 */
import type { Cluster } from './cluster';

export const LAPSE_MS = 60_000;
const REFRESH_MS = 20_000;

/** KEYS: the counted keys; ARGV: lapse in ms, socket id, then each key's cap. */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
	redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
	if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then return 0 end
end
for i, key in ipairs(KEYS) do
	redis.call('ZADD', key, now + tonumber(ARGV[1]), ARGV[2])
	redis.call('PEXPIRE', key, ARGV[1])
end
return 1
`;
/** KEYS: a socket's counted keys; ARGV: lapse in ms, socket id. Adds it back if Redis lost it (a restart). */
const REFRESH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
	redis.call('ZADD', key, now + tonumber(ARGV[1]), ARGV[2])
	redis.call('PEXPIRE', key, ARGV[1])
end
return 1
`;

export interface SharedSocketCounts {
	/** true: counted; false: a key is at its cap; null: Redis did not answer (the caller counts alone). */
	admit(socketId: string, keys: string[], caps: number[]): Promise<boolean | null>;
	release(socketId: string): void;
	close(): void;
}

export function sharedSocketCounts(cluster: Pick<Cluster, 'commands' | 'prefix'>): SharedSocketCounts {
	const redis = cluster.commands;
	const named = (keys: string[]) => keys.map((key) => `${cluster.prefix}sockets:${key}`);
	/** This process's sockets and their keys, for the refresh. */
	const mine = new Map<string, string[]>();
	const refresh = setInterval(() => {
		if (mine.size === 0 || redis.status !== 'ready') return;
		const batch = redis.pipeline();
		for (const [socketId, keys] of mine) batch.eval(REFRESH, keys.length, ...keys, LAPSE_MS, socketId);
		batch.exec().catch(() => undefined);
	}, REFRESH_MS);
	refresh.unref();
	return {
		async admit(socketId, keys, caps) {
			const redisKeys = named(keys);
			try {
				const admitted = (await redis.eval(ADMIT, redisKeys.length, ...redisKeys, LAPSE_MS, socketId, ...caps)) === 1;
				if (admitted) mine.set(socketId, redisKeys);
				return admitted;
			} catch {
				// Counted by the next refresh once Redis is back.
				mine.set(socketId, redisKeys);
				return null;
			}
		},
		release(socketId) {
			const keys = mine.get(socketId);
			if (!keys) return;
			mine.delete(socketId);
			// Lost while Redis is down: the entry lapses by itself.
			const batch = redis.pipeline();
			for (const key of keys) batch.zrem(key, socketId);
			batch.exec().catch(() => undefined);
		},
		close() {
			clearInterval(refresh);
		}
	};
}
