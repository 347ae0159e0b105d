/**
 * The running server's single app, shared by routes and socket handlers. Kept on globalThis so
 * the production bundle and the realtime server (attached from server.js) see one instance.
 */
import { createForumApp, openPostgresStorage, type ForumServices } from './app';
import { isPostgresUrl } from './db/postgres';
import { openCluster } from './cluster/cluster';
import { isRedisUrl } from './cluster/redis';
import { databasePath } from './db/path.js';
import { demoEvent, demoMode } from './demo-event';
import { newDisplayKey } from './services/event-setup-service';

const KEY = Symbol.for('dien-dan.forum-app');
type Holder = { [KEY]?: Promise<ForumServices> };

async function start(): Promise<ForumServices> {
	// The composition root is the one place that holds the repositories: routes get services only.
	// DATABASE_URL=postgres://… selects PostgreSQL (a province server, several processes); without
	// it the forum keeps to the embedded SQLite file, as `npm start` does.
	const url = process.env.DATABASE_URL;
	const storage = isPostgresUrl(url) ? await openPostgresStorage(url) : undefined;
	// REDIS_URL=redis://… lets several processes serve the forum (rooms, limits, caches across
	// them), and gives each event's vote, poll and join ticks one owner among the processes
	// (cluster/count-funnel.ts); REDIS_PREFIX keeps two deployments on one Redis apart.
	const redisUrl = process.env.REDIS_URL;
	const cluster = isRedisUrl(redisUrl) ? openCluster(redisUrl, { prefix: process.env.REDIS_PREFIX || undefined }) : undefined;
	if (cluster && (await cluster.ready()) === 'down') console.error('Redis does not answer yet: limits are counted in this process until it does.');
	// Each event's vote, poll and join ticks have one owner among the processes (cluster/count-funnel.ts).
	const tickLeases = cluster && isRedisUrl(redisUrl) ? { redisUrl, keyPrefix: cluster.prefix } : undefined;
	const { repos, database: _database, ...services } = createForumApp({ databasePath: databasePath(), storage, cluster, tickLeases });
	// Demo mode only (`npm start` sets DEMO_EVENT=on): a production start seeds nothing.
	const demo = demoMode(process.env.DEMO_EVENT);
	if (demo && (await repos.events.count()) === 0) {
		await repos.events.create(demoEvent(() => crypto.randomUUID(), newDisplayKey(), demo));
	}
	return services;
}

export function forumApp(): Promise<ForumServices> {
	const holder = globalThis as Holder;
	holder[KEY] ??= start();
	return holder[KEY];
}
