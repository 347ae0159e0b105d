import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In `vite dev`, run the live session on Vite's own HTTP server. The module is loaded through
 * Vite's SSR graph so socket handlers and routes share one database and one publisher.
 */
function realtimeInDev(): Plugin {
	return {
		name: 'dien-dan-realtime-dev',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer;
			if (!httpServer) return;
			httpServer.once('listening', async () => {
				const { attachRealtime } = await server.ssrLoadModule('/src/lib/server/realtime/attach.ts');
				await attachRealtime(httpServer);
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'dd_locale'
		}),
		sveltekit(),
		realtimeInDev()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 15_000
	}
});
