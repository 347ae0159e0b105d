/**
 * What several app processes share through one Redis (REDIS_URL): the Socket.IO adapter's
 * connection, a fail-fast connection for limits, socket counts and sign-in waits, and a
 * subscription for cache invalidation. Every key and channel starts with `prefix`, so one Redis
 * can serve several forums' servers, and parallel tests do not meet.
 *
 * Redis going away must not stop a hall: the fail-fast commands error at once and each caller
 * falls back to this process's memory; the adapter's connection queues what it publishes until
 * Redis is back, and every connection reconnects by itself.
 */
import { connectRedis, type RedisClient } from './redis';

export type RedisHealth = 'ok' | 'down';

export interface Cluster {
	/** Starts every key and channel of this deployment (default `dien-dan:`). */
	prefix: string;
	/** This process among the others, in messages that it must not act on twice. */
	processId: string;
	/** Limits, socket counts, sign-in waits: an error at once while Redis is down, never a hung call. */
	commands: RedisClient;
	/** The Socket.IO adapter's connection: what it publishes during a blip is sent once Redis is back. */
	broadcasts: RedisClient;
	/**
	 * One subscriber connection per process for the plain pub/sub channels (cache invalidation).
	 * `resubscribed` runs each time the subscription is (again) in place: whatever was published
	 * while it was not has been missed, and the listener should assume the worst.
	 */
	subscribe(channel: string, listener: (message: string) => void, resubscribed?: () => void): void;
	/** Queued while Redis is down and sent once it is back, so a change made meanwhile still reaches the others. */
	publish(channel: string, message: string): void;
	/**
	 * Resolves once the fail-fast connection is up, or after `withinMs` whatever happened: until
	 * then limits are counted in memory. A start waits for it, but does not fail for want of Redis.
	 */
	ready(withinMs?: number): Promise<RedisHealth>;
	/** 'down' while this process cannot reach Redis; /healthz reports it. */
	health(): RedisHealth;
	close(): Promise<void>;
}

export const DEFAULT_PREFIX = 'dien-dan:';

export function openCluster(url: string, { prefix = DEFAULT_PREFIX }: { prefix?: string } = {}): Cluster {
	const commands = connectRedis(url, 'commands', { failFast: true });
	const broadcasts = connectRedis(url, 'broadcasts');
	let subscriber: RedisClient | null = null;
	const listeners = new Map<string, ((message: string) => void)[]>();
	const onReady: (() => void)[] = [];
	return {
		prefix,
		processId: crypto.randomUUID(),
		commands,
		broadcasts,
		subscribe(channel, listener, resubscribed) {
			const name = prefix + channel;
			if (!subscriber) {
				// ioredis subscribes again after every reconnect: a Redis restart keeps the channels.
				subscriber = connectRedis(url, 'subscriber');
				subscriber.on('message', (from: string, message: string) => {
					for (const listen of listeners.get(from) ?? []) listen(message);
				});
				subscriber.on('ready', () => {
					for (const run of onReady) run();
				});
			}
			if (resubscribed) onReady.push(resubscribed);
			const list = listeners.get(name) ?? [];
			if (list.length === 0) void subscriber.subscribe(name).catch((error: Error) => console.error(`redis subscribe ${name}: ${error.message}`));
			listeners.set(name, [...list, listener]);
		},
		publish(channel, message) {
			broadcasts.publish(prefix + channel, message).catch((error: Error) => console.error(`redis publish ${channel}: ${error.message}`));
		},
		health: () => (commands.status === 'ready' ? 'ok' : 'down'),
		async ready(withinMs = 2000) {
			if (commands.status !== 'ready') {
				let timer: ReturnType<typeof setTimeout> | undefined;
				await new Promise<void>((resolve) => {
					timer = setTimeout(resolve, withinMs);
					commands.once('ready', resolve);
				});
				clearTimeout(timer);
			}
			return commands.status === 'ready' ? 'ok' : 'down';
		},
		async close() {
			for (const client of [commands, broadcasts, subscriber]) client?.disconnect();
		}
	};
}
