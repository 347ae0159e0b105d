import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Switches SvelteKit's own cross-site form check off: hooks.server.ts makes the same check
		// and also logs the attempt for the organiser, which SvelteKit's cannot.
		csrf: { trustedOrigins: ['*'] },
		// Phones do not download the table of every route (staff pages included): the server
		// resolves the rare client-side navigation instead. Keeps the phone's JavaScript small.
		router: { resolution: 'server' },
		// Registered by the child's room only (Room.svelte), never by staff pages: src/service-worker.ts.
		serviceWorker: { register: false },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
