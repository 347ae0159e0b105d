import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { minify } from 'terser';
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
 *   websocket (and polling) only;
 * - long-polling out of the first load: phones open a WebSocket straight away, and only a network
 *   that refuses WebSockets loads the polling transport (`dien-dan:engine-polling`, see
 *   client/transport-fallback.ts), which registers itself in engine.io's transport table;
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
					.replace(/^\s*webtransport: WT,\n/m, '')
					.replace(/^import \{ XHR \} from "\.\/polling-xhr\.node\.js";\n/m, '')
					.replace(/^\s*polling: XHR,\n/m, ''),
			check: (code) => !/\bWT\b/.test(code) && !/\bXHR\b/.test(code)
		},
		{
			// The package's own re-exports of its other transports would keep them in the first load.
			file: esm('engine\\.io-client', 'index.js'),
			rewrite: (code) => code.replace(/^export \{ (Fetch|XHR as NodeXHR|XHR|WT as WebTransport) \} from "\.\/transports\/[\w.-]+";\n/gm, ''),
			check: (code) => !/\b(Fetch|XHR|WT)\b/.test(code)
		},
		{
			file: esm('socket\\.io-client', 'index.js'),
			rewrite: (code) => code.replace(/^export \{ Fetch, NodeXHR, XHR, NodeWebSocket, WebSocket, WebTransport, \} from "engine\.io-client";\n?/m, ''),
			check: (code) => !/\b(Fetch|XHR|WebTransport)\b/.test(code)
		},
		{
			// Base64 is how long-polling carries binary packets, which the protocol never sends.
			file: esm('engine\\.io-parser', 'contrib/base64-arraybuffer.js'),
			rewrite: (code) =>
				/export const encode = \(arraybuffer\)/.test(code) && /export const decode = \(base64\)/.test(code)
					? 'const binary = () => { throw new Error("binary packets: not in the protocol"); };\nexport const encode = binary;\nexport const decode = binary;\n'
					: code,
			check: (code) => code.startsWith('const binary')
		},
		{
			// The browser's URL parser instead of a 1 KB regular expression kept for browsers without one.
			// The fields are those engine.io and socket.io read: host (IPv6 without brackets), protocol
			// without its colon, port, path, query.
			file: esm('engine\\.io-client', 'contrib/parseuri.js'),
			rewrite: (code) =>
				/export function parse\(str\)/.test(code) && code.includes("'source', 'protocol', 'authority'")
					? [
							'export function parse(str) {',
							'    const url = new URL(str);',
							'    const host = url.hostname.replace(/^\\[(.*)\\]$/, "$1");',
							'    return { source: str, protocol: url.protocol.slice(0, -1), host, authority: url.host, port: url.port, path: url.pathname, relative: url.pathname + url.search + url.hash, query: url.search.slice(1), anchor: url.hash.slice(1), ipv6uri: host !== url.hostname };',
							'}',
							''
						].join('\n')
					: code,
			check: (code) => code.startsWith('export function parse(str) {\n    const url = new URL(str);')
		},
		{
			// Messages for a developer, shortened: every phone downloads them.
			file: esm('socket\\.io-client', 'socket.js'),
			rewrite: (code) => code.replace(/"It seems you are trying to reach a Socket\.IO server in v2\.x with a v3\.x client, but they are not compatible \(more information here: https:\/\/socket\.io\/docs\/v3\/migrating-from-2-x-to-3-0\/\)"/, '"Socket.IO v2 server: not compatible"'),
			check: (code) => code.includes('"Socket.IO v2 server: not compatible"')
		},
		{
			file: esm('engine\\.io-client', 'socket.js'),
			rewrite: (code) => code.replace(/"specifying both 'transportImplementations' and 'transports' options is not supported"/, '"transportImplementations or transports, not both"'),
			check: (code) => code.includes('"transportImplementations or transports, not both"')
		},
		{
			// The reassembly of binary packets, which the server never sends: one would close the
			// connection as a parse error (Manager.ondata), and the phone reconnects and resyncs.
			file: esm('socket\\.io-parser', 'index.js'),
			rewrite: (code) => code.replace(/^class BinaryReconstructor \{\n[\s\S]*?\n\}\n/m, 'class BinaryReconstructor {\n    constructor() {\n        throw new Error("binary packets: not in the protocol");\n    }\n}\n'),
			check: (code) => /class BinaryReconstructor \{\n {4}constructor\(\) \{\n {8}throw new Error/.test(code) && !code.includes('takeBinaryData(binData) {')
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
					? 'export const deconstructPacket = (packet) => ({ packet, buffers: [] });\nexport const reconstructPacket = () => { throw new Error("binary packets: not in the protocol"); };\n'
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
	// Long-polling is loaded apart, by the few phones that need it (client/transport-fallback.ts).
	const lazyPolling = /engine\.io-client[\\/]build[\\/]esm[\\/](transports[\\/]polling|contrib[\\/]has-cors)/;
	return (id: string) => sources.has(id.split('?')[0]) || (libraries.test(id) && !lazyPolling.test(id));
}

/**
 * Terser over the browser chunks the bundler has already minified: its second compress pass finds
 * about 1 KB (gzip) more in the phone's chunk (issue 18's 50 KB budget). Terser as the bundler's own
 * minifier does worse than either, and would minify the server too. Browser chunks only.
 */
function minifiedAgain(): Plugin {
	return {
		name: 'dien-dan-minified-again',
		apply: 'build',
		// After the bundler's own minifier, and before the file names' hashes are taken: a Terser
		// upgrade or option change never ships new bytes under an old immutable name.
		renderChunk: {
			order: 'post',
			async handler(code) {
				if (this.environment?.name !== 'client') return null;
				const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, sourceMap: false });
				return result.code ? { code: result.code, map: null } : null;
			}
		}
	};
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

/** engine.io's long-polling transport, for the phones whose network refuses WebSockets (client/transport-fallback.ts). */
const ENGINE_POLLING = resolve('node_modules/engine.io-client/build/esm/transports/polling-xhr.js');

export default defineConfig({
	resolve: { alias: { 'dien-dan:engine-polling': ENGINE_POLLING } },
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
		minifiedAgain(),
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
