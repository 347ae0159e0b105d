/**
 * The running server's single app, shared by routes and socket handlers. Kept on globalThis so
 * the production bundle and the realtime server (attached from server.js) see one instance.
 */
import { createForumApp, type ForumServices } from './app';
import { databasePath } from './db/path.js';
import { demoEvent, demoMode } from './demo-event';
import { newDisplayKey } from './services/event-setup-service';

const KEY = Symbol.for('dien-dan.forum-app');
type Holder = { [KEY]?: Promise<ForumServices> };

async function start(): Promise<ForumServices> {
	// The composition root is the one place that holds the repositories: routes get services only.
	const { repos, ...services } = createForumApp({ databasePath: databasePath() });
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
