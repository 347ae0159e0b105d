import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, statSync } from 'node:fs';
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
 * Socket.IO's browser client, trimmed to what the forum uses (the phone's budget is 50 KB gzip):
 * - no WebTransport: the server offers no upgrade to it and connectForum (client/socket.ts) names
 *   polling and websocket only;
 * - no binary packets: every message of the protocol (realtime/protocol.ts) is JSON, so the
 *   parser's binary detection and reassembly are left out (a binary packet would be refused).
 * Each rewrite checks the text it replaces, so an upgrade that moves it fails the build.
 */
function lighterSocketClient(): Plugin {
	const esm = (pkg: string, file: string) => new RegExp(`${pkg}[\\\\/]build[\\\\/]esm[\\\\/]${file.replace('/', '[\\\\/]').replace('.', '\\.')}$`);
	const rewrites: { file: RegExp; rewrite: (code: string) => string; check: (code: string) => boolean }[] = [
		{
			file: esm('engine\\.io-client', 'transports/index.js'),
			rewrite: (code) =>
				code
					.replace(/^import \{ WT \} from "\.\/webtransport\.js";\n/m, '')
					.replace(/^\s*webtransport: WT,\n/m, ''),
			check: (code) => !/\bWT\b/.test(code)
		},
		{
			file: esm('socket\\.io-parser', 'is-binary.js'),
			rewrite: (code) => (/export function isBinary\(obj\)/.test(code) && /export function hasBinary\(obj, toJSON\)/.test(code) ? 'export const isBinary = () => false;\nexport const hasBinary = () => false;\n' : code),
			check: (code) => code.startsWith('export const isBinary')
		},
		{
			file: esm('socket\\.io-parser', 'binary.js'),
			rewrite: (code) =>
				/export function deconstructPacket\(packet\)/.test(code) && /export function reconstructPacket\(packet, buffers\)/.test(code)
					? 'export const deconstructPacket = (packet) => ({ packet, buffers: [] });\nexport const reconstructPacket = () => { throw new Error("binary packets are not part of the forum protocol"); };\n'
					: code,
			check: (code) => code.startsWith('export const deconstructPacket')
		}
	];
	return {
		name: 'dien-dan-lighter-socket-client',
		apply: 'build',
		transform(code, id, options) {
			if (options?.ssr) return;
			const found = rewrites.find((r) => r.file.test(id));
			if (!found) return;
			const trimmed = found.rewrite(code);
			if (!found.check(trimmed)) this.error(`${id} changed: update lighterSocketClient() in vite.config.ts`);
			return trimmed;
		}
	};
}

/**
 * SvelteKit's client router reads a few functions off `import * as svelte from 'svelte'` (some only
 * where they exist, for older Svelte versions). A namespace import keeps every export of Svelte in the
 * bundle, used or not (createEventDispatcher, hydratable, createRawSnippet, ...): every page, the
 * phone's included, paid for them. Name the ones it uses instead.
 */
function kitNamedSvelteImports(): Plugin {
	const client = /@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]client\.js$/;
	const USED = ['onMount', 'tick', 'untrack', 'fork', 'settled'];
	return {
		name: 'dien-dan-kit-named-svelte-imports',
		apply: 'build',
		transform(code, id) {
			if (!client.test(id)) return;
			const namespace = "import * as svelte from 'svelte';";
			const used = new Set([...code.matchAll(/(?<![\w$./])svelte\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
			const unknown = [...used].filter((name) => !USED.includes(name));
			if (!code.includes(namespace) || unknown.length)
				this.error(`SvelteKit's client changed how it imports Svelte (${unknown.join(', ')}): update kitNamedSvelteImports()`);
			const named = USED.map((name) => `${name} as __svelte_${name}`).join(', ');
			const object = USED.map((name) => `${name}: __svelte_${name}`).join(', ');
			return code.replace(namespace, `import { ${named} } from 'svelte'; const svelte = { ${object} };`);
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
 * and the 50 KB budget counts them all. The group holds the phone's own sources and the socket
 * client. No compiled messages: the phone reads its words from the page ($lib/phone-messages).
 */
const PHONE_SOURCES = ['src/lib/components/participant', 'src/routes/(phone)/j', 'src/routes/(phone)/+layout.svelte', 'src/lib/client/participant-room.svelte.ts', 'src/lib/client/live-connection.ts', 'src/lib/client/vote-counts.svelte.ts', 'src/lib/client/outbox.ts', 'src/lib/client/socket.ts', 'src/lib/client/uuid.ts', 'src/lib/phone-messages.ts', 'src/lib/components/LanguageSwitch.svelte', 'src/lib/components/ErrorMessage.svelte'];

function phoneModules() {
	const files = PHONE_SOURCES.map((p) => resolve(p)).flatMap(function walk(path: string): string[] {
		return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path];
	});
	const sources = new Set(files);
	const libraries = /node_modules[\\/](socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io)[\\/]/;
	return (id: string) => sources.has(id.split('?')[0]) || libraries.test(id);
}

/**
 * Integration tests kept out of the `postgres` project: the backup and the lock and full-disk faults
 * act on the SQLite file, the statement cache is better-sqlite3's, the audit sampling reads the
 * SQLite file, and the migrations and db:copy tests open both engines themselves. The heartbeat and
 * the sign-in slowdown test the socket layer and the limiter on an app of their own (on SQLite, so in
 * the `postgres` project they would only run again on SQLite). Tests of services alone open their
 * app through tests/integration/forum-app.ts, which follows TEST_STORAGE, and so run on both engines.
 */
const SQLITE_ONLY_TESTS = ['backup', 'database-faults', 'statements', 'audit-sampling', 'heartbeat', 'login-slowdown', 'postgres-migrations', 'db-copy'].map((name) => `tests/integration/${name}.test.ts`);

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
		lighterSocketClient(),
		kitNamedSvelteImports(),
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
			// The integration tests again, each on a fresh database of the machine's real PostgreSQL
			// (through the harness or forum-app.ts); SQLITE_ONLY_TESTS stay on SQLite.
			{
				extends: true,
				test: {
					name: 'postgres',
					include: ['tests/integration/**/*.test.ts'],
					// The staff-command matrix and the payload fuzz test the socket layer, whatever the engine: on
					// SQLite only, which keeps CI's time in bounds. forum-package opens both engines itself.
					// The Redis tests (redis-*) always run on PostgreSQL already: once, in the node project.
					exclude: ['staff-socket', 'fuzz', 'forum-package'].map((name) => `tests/integration/${name}.test.ts`).concat(SQLITE_ONLY_TESTS, ['tests/integration/redis-*.test.ts']),
					env: { TEST_STORAGE: 'postgres' }
				}
			},
			// The rooms' runes classes, compiled for the browser as the pages run them (browser-runes.ts).
			{ extends: true, test: { name: 'runes', include: ['tests/unit/**/*.svelte.test.ts'], environment: './tests/unit/browser-runes.ts' } }
		]
	}
});
