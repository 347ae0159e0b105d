/**
 * A process whose Redis never answers (nothing listens on the port): every limit and the sign-in
 * waits still hold, counted in the process's memory, and nothing hangs. The same waits in Redis
 * follow the same rule.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openCluster, type Cluster } from '$lib/server/cluster/cluster';
import { createRateLimiter } from '$lib/server/services/rate-limit';
import { redisSignInWaits } from '$lib/server/services/sign-in-waits';
import { forgetPrefix, REDIS_URL, testPrefix } from './redis-processes';

let cluster: Cluster | undefined;
afterEach(async () => {
	await cluster?.close();
	cluster = undefined;
});

async function unusedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as { port: number };
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

describe('Redis unreachable', () => {
	it('limits in memory, at once', async () => {
		cluster = openCluster(`redis://127.0.0.1:${await unusedPort()}`, { prefix: 'test:fallback:' });
		expect(await cluster.ready(300)).toBe('down');
		const limiter = createRateLimiter({ vote: { points: 2, duration: 60 } }, cluster);
		const started = Date.now();
		expect([await limiter.allow('vote', 'child'), await limiter.allow('vote', 'child'), await limiter.allow('vote', 'child')]).toEqual([true, true, false]);
		expect(await limiter.exhausted('vote', 'child')).toBe(true);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('makes a guesser wait, in memory', async () => {
		cluster = openCluster(`redis://127.0.0.1:${await unusedPort()}`, { prefix: 'test:fallback:' });
		await guesserWaits(cluster);
	});
});

describe('Redis reachable', () => {
	it('makes a guesser wait by the same rule, counted in Redis', async () => {
		const prefix = testPrefix();
		cluster = openCluster(REDIS_URL, { prefix });
		expect(await cluster.ready()).toBe('ok');
		try {
			await guesserWaits(cluster);
		} finally {
			await forgetPrefix(REDIS_URL, prefix);
		}
	});
});

/** The rule of loginDelayMs: three failures free, then 1 s, 2 s, 4 s … */
async function guesserWaits(cluster: Cluster) {
	const waits = redisSignInWaits(cluster);
	const key = 'account\u0000mc.hoa';
	let now = 1_000_000;
	for (let i = 0; i < 3; i++) expect(await waits.reserve(key, now)).toBe(true);
	expect(await waits.reserve(key, now + 999)).toBe(false);
	expect(await waits.reserve(key, (now += 1000))).toBe(true);
	expect(await waits.reserve(key, now + 1999)).toBe(false);
	expect(await waits.reserve(key, (now += 2000))).toBe(true);
	await waits.forgive(key);
	expect(await waits.reserve(key, now)).toBe(true);
	await waits.trust('device-1', 'mc.hoa', now);
	expect(await waits.trusted('device-1', 'mc.hoa')).toBe(true);
	expect(await waits.trusted('device-1', 'other')).toBe(false);
}
