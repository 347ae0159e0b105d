import type { Environment } from 'vitest/environments';

/**
 * Node, but modules compiled as the browser gets them: `.svelte.ts` classes run on Svelte's client
 * runtime (signals, cached deriveds) instead of the server's, where every read recomputes.
 */
export default {
	name: 'browser-runes',
	viteEnvironment: 'client',
	setup: () => ({ teardown() {} })
} satisfies Environment;
