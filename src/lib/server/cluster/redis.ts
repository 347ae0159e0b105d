/**
 * The one Redis connection factory (REDIS_URL=redis://…): several app processes share rooms,
 * limits, cache invalidation and the leases of once-only work through it. Without REDIS_URL the
 * forum is one process and nothing here is used.
 *
 * ioredis rather than node-redis: it resubscribes after a reconnect by itself (the Socket.IO
 * adapters' docs prefer it for that), and with the offline queue off a command fails at once while
 * Redis is down instead of hanging, so a limiter can fall back to memory and the hall keeps going.
 */
import { Redis, type RedisOptions } from 'ioredis';

export type RedisClient = Redis;

export function isRedisUrl(url: string | undefined): url is string {
	return !!url && /^rediss?:\/\//.test(url);
}

/**
 * A new connection. `purpose` names it in `CLIENT LIST` and in logs. `failFast` turns the offline
 * queue off (limits, leases: better a quick error than a hung request); the adapter keeps it on,
 * so what it publishes during a blip is sent once Redis is back.
 */
export function connectRedis(url: string, purpose: string, options: { failFast?: boolean } = {}): RedisClient {
	const settings: RedisOptions = {
		connectionName: `dien-dan:${purpose}:${process.pid}`,
		// Keep trying to reconnect, at most every 2 s: Redis restarting mid-event must not end the forum.
		retryStrategy: (times) => Math.min(times * 100, 2000),
		...(options.failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null })
	};
	const client = new Redis(url, settings);
	// Without a listener an 'error' event would stop the process; reconnecting is ioredis's job.
	let lastLogged = 0;
	client.on('error', (error: Error) => {
		if (Date.now() - lastLogged < 10_000) return;
		lastLogged = Date.now();
		console.error(`redis (${purpose}): ${error.message}`);
	});
	return client;
}
