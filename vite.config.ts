import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
			// `npm run dev` is for trying the app: it runs in demo mode, as `npm start` does.
			process.env.DEMO_EVENT ??= 'on';
			const httpServer = server.httpServer;
			if (!httpServer) return;
			httpServer.once('listening', async () => {
				const { attachRealtime } = await server.ssrLoadModule('/src/lib/server/realtime/attach.ts');
				await attachRealtime(httpServer);
			});
		}
	};
}

/**
 * Socket.IO's browser client ships a WebTransport transport that the forum never uses: the server
 * offers no WebTransport upgrade and connectForum (client/socket.ts) names polling and websocket
 * only. Dropping it from engine.io-client's table of transports spares every phone about 1 KB.
 */
function withoutWebTransport(): Plugin {
	const table = /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;
	return {
		name: 'dien-dan-without-webtransport',
		apply: 'build',
		transform(code, id) {
			if (!table.test(id)) return;
			const trimmed = code.replace(/^import \{ WT \} from "\.\/webtransport\.js";\n/m, '').replace(/^\s*webtransport: WT,\n/m, '');
			if (/\bWT\b/.test(trimmed)) this.error('engine.io-client changed its table of transports: update withoutWebTransport()');
			return trimmed;
		}
	};
}

/**
 * SvelteKit ends every build with "Run npm run preview to preview your production build locally",
 * naming a script this project does not have (the forum needs server.js for its live session, which
 * `vite preview` would not start). Swap that one line for the project's own commands.
 */
function projectStartHint(): Plugin {
	const original = console.log;
	return {
		name: 'dien-dan-start-hint',
		apply: 'build',
		buildStart() {
			console.log = (...args: unknown[]) => {
				if (args.length === 1 && typeof args[0] === 'string' && args[0].includes('to preview your production build locally')) {
					original('\nBuilt. Start it with `npm run serve` (production: no demo event) or `npm start` (build, then the demo).');
					return;
				}
				original(...args);
			};
		},
		closeBundle: {
			order: 'post',
			handler() {
				// SvelteKit prints the hint from its own closeBundle, then runs the adapter: restore after it.
				if (this.environment?.name !== 'ssr') return;
				console.log = original;
			}
		}
	};
}

/**
 * The child's phone loads one chunk of our code instead of a dozen small ones that the staff pages
 * happen to share with it: every separate file costs the phone a request and some gzip overhead,
 * and the 60 KB budget counts them all. The group holds the phone's own sources, the socket
 * client, and exactly the messages the phone's sources use.
 */
const PHONE_SOURCES = ['src/lib/components/participant', 'src/routes/(phone)/j', 'src/routes/(phone)/+layout.svelte', 'src/routes/(phone)/+page.svelte', 'src/routes/(phone)/+error.svelte', 'src/lib/client/participant-room.svelte.ts', 'src/lib/client/live-connection.ts', 'src/lib/client/vote-counts.svelte.ts', 'src/lib/client/outbox.ts', 'src/lib/client/socket.ts', 'src/lib/client/uuid.ts', 'src/lib/i18n.ts', 'src/lib/i18n-follow-up.ts', 'src/lib/components/LanguageSwitch.svelte', 'src/lib/components/ErrorMessage.svelte'];

function phoneModules() {
	const files = PHONE_SOURCES.map((p) => resolve(p)).flatMap(function walk(path: string): string[] {
		return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path];
	});
	const keys = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bm\.([a-z0-9_]+)\b/g)].map((match) => match[1])));
	const messages = new RegExp(`paraglide[\\\\/]messages[\\\\/](${[...keys].join('|')})\\.js$`);
	const sources = new Set(files);
	const libraries = /node_modules[\\/](socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io)[\\/]/;
	return (id: string) => sources.has(id.split('?')[0]) || messages.test(id) || libraries.test(id);
}

/** Integration tests that build the app on a SQLite file of their own rather than the harness. */
const SQLITE_APP_TESTS = ['event-setup', 'invitations', 'sessions', 'staff-auth', 'statements'].map((name) => `tests/integration/${name}.test.ts`);

export default defineConfig({
	build: {
		rolldownOptions: {
			// The [PLUGIN_TIMINGS] report at the end of each build is for profiling plugins, not for us.
			checks: { bundlerTimings: false },
			output: {
				codeSplitting: { groups: [{ name: 'phone', test: phoneModules() }] }
			}
		}
	},
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'dd_locale'
		}),
		sveltekit(),
		realtimeInDev(),
		withoutWebTransport(),
		projectStartHint()
	],
	test: {
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 15_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					exclude: ['**/*.svelte.test.ts'],
					// `npm run bench` runs these (vitest bench), never `npm test`.
					benchmark: { include: ['tests/bench/**/*.bench.ts'] }
				}
			},
			// The integration tests that go through the harness, again on a fresh PostgreSQL database each;
			// the backup and the lock and full-disk faults are SQLite's own and stay there
			// (the machine's real server). The backup test is about the SQLite file and stays there.
			{
				extends: true,
				test: {
					name: 'postgres',
					include: ['tests/integration/**/*.test.ts'],
					// The staff-command matrix and the payload fuzz test the socket layer, whatever the engine: on
					// SQLite only, which keeps CI's time in bounds. forum-package opens both engines itself.
					exclude: ['backup', 'postgres-migrations', 'staff-socket', 'fuzz', 'database-faults', 'forum-package'].map((name) => `tests/integration/${name}.test.ts`).concat(SQLITE_APP_TESTS),
					env: { TEST_STORAGE: 'postgres' }
				}
			},
			// The rooms' runes classes, compiled for the browser as the pages run them (browser-runes.ts).
			{ extends: true, test: { name: 'runes', include: ['tests/unit/**/*.svelte.test.ts'], environment: './tests/unit/browser-runes.ts' } }
		]
	}
});
