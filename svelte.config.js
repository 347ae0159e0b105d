import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The one style attribute the pages carry: SvelteKit's route announcer (a visually hidden live
 * region it adds after hydration, with this fixed style). Allowed by its hash alone; every other
 * style comes from the built stylesheets ('self'). tests/unit/csp.test.ts checks the hash against
 * the announcer SvelteKit generates, so an upgrade that changes it fails there, not on the day.
 */
export const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Scoped class names as `s` and the hash, not `svelte-` and the hash: they sit on every element
	// of every component, the phone's included (issue 18's 50 KB budget).
	// Hashed from the file, as Svelte's default is, so two components with the same styles never share a scope.
	compilerOptions: { cssHash: ({ hash, css, filename }) => `s${hash(filename ?? css)}` },
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
				// No inline styles: production CSS is in files; SvelteKit would hash any <style> it inlined.
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', ANNOUNCER_STYLE_HASH],
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
