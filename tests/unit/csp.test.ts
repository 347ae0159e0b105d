/**
 * The Content-Security-Policy allows no inline style: an injected style attribute or <style> element
 * (a way to overlay the screen, or to exfiltrate through CSS) is not applied. Only the route
 * announcer's fixed style attribute is allowed, by its hash.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { ANNOUNCER_STYLE_HASH } from '../../svelte.config.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
		return /\.(svelte|html)$/.test(name) ? [path] : [];
	});
}

describe('the Content-Security-Policy for styles', () => {
	const directives = config.kit!.csp!.directives!;

	it('allows no inline style: no unsafe-inline for styles anywhere', () => {
		expect(directives['style-src']).toEqual(['self']);
		expect(directives['style-src-attr']).toEqual(['unsafe-hashes', ANNOUNCER_STYLE_HASH]);
		expect(directives['style-src-elem']).toBeUndefined();
		expect(directives['default-src']).not.toContain('unsafe-inline');
	});

	it('hashes exactly the style of the route announcer SvelteKit generates', () => {
		const writer = readFileSync(join(ROOT, 'node_modules/@sveltejs/kit/src/core/sync/write_root.js'), 'utf8');
		const style = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(writer)?.[1];
		expect(style).toBeTruthy();
		expect(`sha256-${createHash('sha256').update(style!).digest('base64')}`).toBe(ANNOUNCER_STYLE_HASH);
	});

	it('no page or component writes a style attribute or a style: directive (the policy would drop it)', () => {
		const offenders = [...sources('src'), 'src/app.html'].filter((file) => {
			const markup = readFileSync(join(ROOT, file), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
			return /\sstyle(:[\w-]+)?=/.test(markup);
		});
		expect(offenders).toEqual([]);
	});
});
