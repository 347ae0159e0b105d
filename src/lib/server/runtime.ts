/**
 * The running server's single app, shared by routes and socket handlers. Kept on globalThis so
 * the production bundle and the realtime server (attached from server.js) see one instance.
 */
import { createForumApp, openPostgresStorage, type ForumServices } from './app';
import { isPostgresUrl } from './db/postgres';
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
	const { repos, database: _database, ...services } = createForumApp({ databasePath: databasePath(), storage });
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
