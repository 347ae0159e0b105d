import type { Server as HttpServer } from 'node:http';
import { forumApp } from '../runtime';
import { createRealtimeServer } from './server';

/** Attaches the live session to the HTTP server that already serves SvelteKit (dev and production). */
export async function attachRealtime(httpServer: HttpServer) {
	const app = await forumApp();
	return createRealtimeServer(httpServer, app);
}

export async function startupEvents() {
	const app = await forumApp();
	return app.reads.openEvents();
}
