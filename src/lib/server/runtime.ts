/**
 * The running server's single app, shared by routes and socket handlers. Kept on globalThis so
 * the production bundle and the realtime server (attached from server.js) see one instance.
 */
import { createForumApp, type ForumApp } from './app';
import { databasePath } from './db/path.js';
import { demoEvent } from './demo-event';
import { newDisplayKey } from './services/event-setup-service';

const KEY = Symbol.for('dien-dan.forum-app');
type Holder = { [KEY]?: Promise<ForumApp> };

async function start(): Promise<ForumApp> {
	const app = createForumApp({ databasePath: databasePath() });
	if (process.env.DEMO_EVENT !== 'off' && (await app.repos.events.count()) === 0) {
		await app.repos.events.create(demoEvent(() => crypto.randomUUID(), newDisplayKey()));
	}
	return app;
}

export function forumApp(): Promise<ForumApp> {
	const holder = globalThis as Holder;
	holder[KEY] ??= start();
	return holder[KEY];
}
