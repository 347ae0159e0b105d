/**
 * The funnel of counts across processes (REDIS_URL set): a process that records a vote, a poll
 * answer or a join does not tick itself; it marks the item dirty in Redis (a set per event and
 * kind), and the one process holding the event's lease (lease.ts) drains the marks each tick,
 * reads the CURRENT figures from the database and publishes them once.
 *
 * - Nothing counted twice: the owner announces what the database holds, not a sum of deltas, and
 *   only the owner announces; its ticks run one after another, so its figures never go backwards.
 * - Nothing lost: a drain moves the marks into a work set (`work:`) that is deleted only after the
 *   figures were published; an owner that dies between the two leaves the work set, which the next
 *   owner drains with the new marks. A mark is made after its vote is committed, so a drain that
 *   sees the mark reads a database that holds the vote.
 * - Every event gets an owner: whoever marks first takes the lease at once (the same round trip);
 *   the event stays in the leases' `wanted` set until its owner lets it go idle, and every process
 *   claims wanted events without an owner each second, so a dead owner's events move within
 *   LEASE_TTL_MS + LEASE_RENEW_MS, to any process, even one that never saw the event's phones.
 * - A graceful stop (or close) hands the leases on without announcing: the marks wait in Redis for
 *   the next owner, which claims them within a second.
 * - Redis down: marks cannot be made, so this process ticks its own marks locally (figures from the
 *   database, as the owner would) and the hall keeps seeing counts; two processes may then both
 *   announce an item, each with a figure that was true when read. Marks made before a Redis
 *   restart are gone with it (nothing is kept on disk): the next vote on the item, or the phones'
 *   resync on reconnect, shows its count.
 *
 * Keys (after the prefix): `dirty:<eventId>:<kind>` and `work:<eventId>:<kind>` (sets of keys).
 */
import { gatherer } from '../services/coalesce';
import { eventLeases, LEASE_RENEW_MS, luaScript, type LeaseSettings } from './lease';
import { connectRedis, type RedisClient } from './redis';

/** The app's option (ForumAppOptions.tickLeases): REDIS_URL and, for tests sharing one Redis, a key prefix. */
export interface TickLeases extends Partial<FunnelSettings> {
	redisUrl: string;
}

/** The announcer's funnel over its own Redis connection (fail fast: a vote never waits on a Redis outage). */
export function countFunnelOver({ redisUrl, keyPrefix = 'dien-dan:', ...settings }: TickLeases) {
	let funnel: CountFunnel | null = null;
	return {
		create<K extends string>(kinds: Record<K, FunnelKind>): CountFunnel<K> {
			const made = createCountFunnel(connectRedis(redisUrl, 'lease', { failFast: true }), kinds, { keyPrefix, ...settings });
			funnel = made as CountFunnel;
			return made;
		},
		status: {
			owned: () => funnel?.owned() ?? [],
			ready: () => funnel?.ready() ?? Promise.resolve()
		}
	};
}

export interface FunnelKind {
	/** How often, at most, this kind is announced for one event (rounded to a multiple of the fastest kind's). */
	tickMs: number;
	/** Announces the marked keys of one event, read from the database. If it throws, the marks wait for the next tick. */
	announce(eventId: string, keys: string[]): Promise<void>;
	/**
	 * Announces every figure of the event, read from the database, when this process starts owning
	 * it. A process killed between committing a vote and marking it leaves no mark behind: the vote
	 * is stored but its count would stay stale on every screen until the item's next vote. The next
	 * owner's first step closes that window (and costs one message per taking over).
	 */
	announceAll?(eventId: string): Promise<void>;
}

export interface CountFunnel<K extends string = string> {
	mark(kind: K, eventId: string, key: string): Promise<void>;
	/**
	 * A graceful stop: stops ticking at once and hands the leases on, leaving every mark in Redis
	 * for the next owner (another process within a second, or this server once restarted). It does
	 * not announce itself: the stopping server disconnects its publisher right after calling it.
	 */
	flush(): Promise<void>;
	/** Hands on as `flush` does, then disconnects. */
	close(): Promise<void>;
	/** The events whose ticks this process owns now. */
	owned(): string[];
	/** Resolves once Redis answers (until then marks are ticked locally). */
	ready(): Promise<void>;
}

export interface FunnelSettings extends LeaseSettings {
	renewMs?: number;
	/** How long an owner keeps an event without marks before it lets the lease go. */
	idleMs?: number;
}

/** Moves each kind's marks into its work set and answers the work sets; nil if the lease is not ours. */
const drain = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local out = {}
for i = 2, #KEYS, 2 do
	if redis.call('EXISTS', KEYS[i]) == 1 then
		redis.call('SUNIONSTORE', KEYS[i + 1], KEYS[i + 1], KEYS[i])
		redis.call('DEL', KEYS[i])
	end
	out[#out + 1] = redis.call('SMEMBERS', KEYS[i + 1])
end
return out
`);

/** Deletes announced work sets, if the lease is still ours (else the next owner announces them again). */
const done = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 2, #KEYS do redis.call('DEL', KEYS[i]) end
return 1
`);

interface Owner {
	/** Steps run one after another through this chain: a figure is never overtaken by an older one. */
	chain: Promise<void>;
	ticks: number;
	idleTicks: number;
	lost: boolean;
}

export function createCountFunnel<K extends string>(redis: RedisClient, kinds: Record<K, FunnelKind>, settings: FunnelSettings): CountFunnel<K> {
	const leases = eventLeases(redis, settings);
	const { keyPrefix, renewMs = LEASE_RENEW_MS, idleMs = 2000 } = settings;
	const names = Object.keys(kinds) as K[];
	const { baseMs, due: dueOn } = tickCadence(kinds);
	const dirty = (eventId: string, kind: K) => `${keyPrefix}dirty:${eventId}:${kind}`;
	const work = (eventId: string, kind: K) => `${keyPrefix}work:${eventId}:${kind}`;
	const pendingKeys = (eventId: string) => names.flatMap((kind) => [dirty(eventId, kind), work(eventId, kind)]);
	// Redis down: each process ticks its own marks, as one process does.
	const local = new Map(names.map((kind) => [kind, gatherer(kinds[kind].tickMs, (eventId, keys) => kinds[kind].announce(eventId, keys))]));
	const owners = new Map<string, Owner>();
	const problem = throttledLog();
	let stopping: Promise<void> | null = null;

	async function step(eventId: string, owner: Owner, all: boolean) {
		const due = all ? names : dueOn(owner.ticks);
		owner.ticks++;
		let drained: string[][] | null;
		try {
			drained = (await drain(redis, [leases.key(eventId), ...due.flatMap((kind) => [dirty(eventId, kind), work(eventId, kind)])], [leases.token])) as string[][] | null;
		} catch (error) {
			// Redis is away: the marks stay there for whoever owns the event once it is back.
			problem('draining', error);
			drained = null;
		}
		if (!drained) {
			owner.lost = true;
			return;
		}
		const announced: string[] = [];
		let busy = false;
		for (const [i, kind] of due.entries()) {
			if (!drained[i].length) continue;
			busy = true;
			// Stopping: the publisher may be gone already; the work set stays for the next owner.
			if (stopping) return;
			try {
				await kinds[kind].announce(eventId, drained[i]);
				announced.push(work(eventId, kind));
			} catch (error) {
				problem(`announcing ${kind}`, error);
			}
		}
		if (stopping) return;
		if (announced.length) await done(redis, [leases.key(eventId), ...announced], [leases.token]).catch((error) => problem('finishing', error));
		if (busy) owner.idleTicks = 0;
		else if (++owner.idleTicks * baseMs >= idleMs) {
			owner.idleTicks = 0;
			// Let go only with nothing waiting, atomically: a mark made meanwhile keeps the lease here.
			const outcome = await leases.release(eventId, pendingKeys(eventId)).catch(() => 'lost' as const);
			if (outcome !== 'busy') owner.lost = true;
		}
	}

	const queue = (eventId: string, owner: Owner, all: boolean) =>
		(owner.chain = owner.chain.then(() => step(eventId, owner, all)).catch((error) => problem('ticking', error)));

	async function run(eventId: string, owner: Owner) {
		while (!owner.lost && !stopping) {
			await sleep(baseMs);
			if (owner.lost || stopping) break;
			await queue(eventId, owner, false);
		}
		if (owners.get(eventId) === owner) owners.delete(eventId);
	}

	function own(eventId: string) {
		if (stopping) return;
		const owner = owners.get(eventId);
		// Taken again before its loop ended: the same loop goes on, so two never run for one event.
		if (owner) owner.lost = false;
		else {
			const fresh: Owner = { chain: Promise.resolve(), ticks: 0, idleTicks: 0, lost: false };
			owners.set(eventId, fresh);
			fresh.chain = fresh.chain
				.then(() => Promise.all(names.map((kind) => kinds[kind].announceAll?.(eventId))))
				.then(() => undefined)
				.catch((error) => problem('announcing on taking over', error));
			void run(eventId, fresh);
		}
	}

	async function heartbeat() {
		const asked = [...owners].filter(([, owner]) => !owner.lost);
		try {
			const { kept, claimed } = await leases.keep(asked.map(([eventId]) => eventId));
			const still = new Set(kept);
			// The owner asked about, not whatever holds the event now (its loop may have ended meanwhile).
			for (const [eventId, owner] of asked) if (!still.has(eventId)) owner.lost = true;
			for (const eventId of claimed) own(eventId);
		} catch (error) {
			problem('renewing leases', error);
		}
	}
	const renewal = setInterval(heartbeat, renewMs);
	renewal.unref?.();

	function handOn() {
		stopping ??= (async () => {
			clearInterval(renewal);
			const held = [...owners];
			await Promise.all(held.map(([, owner]) => owner.chain));
			await Promise.all(held.map(([eventId]) => leases.handOff(eventId).catch(() => undefined)));
			owners.clear();
		})();
		return stopping;
	}

	return {
		async mark(kind, eventId, key) {
			try {
				// One round trip: the mark, the event wanted, and the lease if nobody holds it (not
				// while stopping: the mark is left for the others).
				const marking = redis.multi().sadd(dirty(eventId, kind), key).sadd(leases.wanted, eventId);
				const replies = await (stopping ? marking : marking.set(leases.key(eventId), leases.token, 'PX', leases.ttlMs, 'NX')).exec();
				const failed = replies?.find(([error]) => error)?.[0];
				if (!replies || failed) throw failed ?? new Error('transaction discarded');
				if (replies[2]?.[1] === 'OK') own(eventId);
			} catch (error) {
				problem('marking (ticking locally meanwhile)', error);
				local.get(kind)!.soon(eventId, key);
			}
		},
		flush: handOn,
		async close() {
			await handOn();
			for (const gathering of local.values()) gathering.close();
			if (redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
		},
		owned: () => [...owners].filter(([, owner]) => !owner.lost).map(([eventId]) => eventId),
		ready: () => (redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => redis.once('ready', () => resolve())))
	};
}

/**
 * One loop per owned event ticks at the fastest kind's pace; slower kinds are drained on every
 * n-th tick (votes every 50 ms, poll tallies every 100 ms, join counts every 200 ms).
 */
export function tickCadence<K extends string>(kinds: Record<K, { tickMs: number }>) {
	const names = Object.keys(kinds) as K[];
	const baseMs = Math.min(...names.map((kind) => kinds[kind].tickMs));
	const every = new Map(names.map((kind) => [kind, Math.max(1, Math.round(kinds[kind].tickMs / baseMs))]));
	return { baseMs, due: (tick: number) => names.filter((kind) => tick % every.get(kind)! === 0) };
}

function sleep(ms: number) {
	return new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());
}

/** One line per kind of trouble per 10 s: a Redis outage must not flood the log at 20 ticks a second. */
function throttledLog() {
	const last = new Map<string, number>();
	return (what: string, error: unknown) => {
		const now = Date.now();
		if (now - (last.get(what) ?? 0) < 10_000) return;
		last.set(what, now);
		console.error(`count funnel: ${what}: ${error instanceof Error ? error.message : String(error)}`);
	};
}
