/**
 * The seams the architecture relies on, checked on the source: routes, hooks and the realtime
 * layer reach storage only through services, and only the announcer publishes to the hall. A
 * second storage engine or a second process plugs in under these seams without touching a page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

const STORAGE = [/\brepos\b/, /repositories/, /server\/db\b/, /drizzle-orm/, /better-sqlite3/];

describe('no back doors', () => {
	const entryPoints = [...sources('src/routes'), ...sources('src/lib/server/realtime'), ...sources('src/lib/server/http'), 'src/hooks.server.ts'];

	it('looks at every route, hook and socket handler', () => {
		expect(entryPoints.length).toBeGreaterThan(40);
		expect(entryPoints).toContain('src/lib/server/realtime/server.ts');
	});

	it('routes and the realtime layer never touch a repository or the database', () => {
		const offenders = entryPoints.flatMap((file) => {
			const text = readFileSync(join(ROOT, file), 'utf8');
			return STORAGE.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
		});
		expect(offenders).toEqual([]);
	});

	it('services say what happened; only the announcer turns it into wire messages', () => {
		const services = sources('src/lib/server/services').filter((f) => !/announcer\.ts|publisher\.ts|vote-ticker\.ts$/.test(f));
		const publishing = services.filter((file) => /\.publish\(|\.evict\(/.test(readFileSync(join(ROOT, file), 'utf8')));
		expect(publishing.map((f) => relative('src/lib/server/services', f))).toEqual([]);
	});
});
