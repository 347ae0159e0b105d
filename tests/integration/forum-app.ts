/**
 * A forum app without a live server, for tests of services alone: on a SQLite file of its own, or,
 * in the vitest project `postgres` (TEST_STORAGE=postgres), on a fresh database of the machine's
 * PostgreSQL, so the same test covers both engines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createForumApp, openPostgresStorage, type ForumApp, type ForumAppOptions } from '$lib/server/app';
import { freshPostgres } from './postgres';

export interface TestForumApp {
	app: ForumApp;
	/** Which engine it runs on, for a test's name or a message. */
	engine: 'sqlite' | 'postgres';
	/** Another app on the same database with connections of its own, as a second process would be. */
	another(): Promise<ForumApp>;
	close(): Promise<void>;
}

export async function openTestForumApp(options: Omit<ForumAppOptions, 'databasePath' | 'storage'> = {}): Promise<TestForumApp> {
	if (process.env.TEST_STORAGE === 'postgres') {
		const database = await freshPostgres({ migrated: true });
		const apps = [createForumApp({ ...options, storage: await openPostgresStorage(database.url) })];
		return {
			app: apps[0],
			engine: 'postgres',
			async another() {
				apps.push(createForumApp({ ...options, storage: await openPostgresStorage(database.url) }));
				return apps.at(-1)!;
			},
			async close() {
				for (const app of apps) await app.close();
				await database.drop();
			}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'dien-dan-app-'));
	const apps = [createForumApp({ ...options, databasePath: join(dir, 'forum.db') })];
	return {
		app: apps[0],
		engine: 'sqlite',
		async another() {
			apps.push(createForumApp({ ...options, databasePath: join(dir, 'forum.db') }));
			return apps.at(-1)!;
		},
		async close() {
			for (const app of apps) await app.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
