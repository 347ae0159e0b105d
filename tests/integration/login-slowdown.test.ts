/**
 * Failed sign-ins slow the account down whatever the address they come from, never lock it: one
 * account guessed from forty addresses at once is checked a handful of times, and the real user
 * still gets in (at once on a browser that signed in before, after the wait on a new one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createForumApp, type ForumApp } from '$lib/server/app';
import { createRateLimiter } from '$lib/server/services/rate-limit';

const PASSWORD = 'mat-khau-dai-du-10';
let dir: string;
let app: ForumApp;
let clock: number | null;

beforeEach(async () => {
	clock = null;
	dir = mkdtempSync(join(tmpdir(), 'dien-dan-login-'));
	app = createForumApp({ databasePath: join(dir, 'forum.db'), limiter: createRateLimiter(), now: () => clock ?? Date.now() });
	await app.staffAuth.setupFirstOrganiser({ username: 'lan.btc', displayName: 'Nguyễn Thị Lan', password: PASSWORD });
});

afterEach(() => {
	app.close();
	rmSync(dir, { recursive: true, force: true });
});

const ADDRESSES = Array.from({ length: 40 }, (_, i) => `203.0.113.${i + 1}`);

describe('guessing one account from forty addresses', () => {
	it('checks only a handful of guesses, not dozens a second', async () => {
		const started = performance.now();
		const outcomes: string[] = [];
		let next = 0;
		// Eight guessers at once, each round through the forty addresses, for two seconds.
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				while (performance.now() - started < 2000) {
					const address = ADDRESSES[next++ % ADDRESSES.length];
					const result = await app.staffAuth.login('lan.btc', `doan-sai-${next}`, address);
					outcomes.push(result.ok ? 'in' : result.error.code);
					// A wait answer is instant: give the event loop a breath as a network would.
					if (!result.ok && result.error.code === 'login_wait') await new Promise((r) => setTimeout(r, 2));
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		const checked = outcomes.filter((o) => o === 'login_failed').length;
		console.info(`one account, 40 addresses: ${checked} guesses checked in ${seconds.toFixed(2)} s = ${(checked / seconds).toFixed(1)} guesses/s (${outcomes.length} attempts)`);
		expect(outcomes).not.toContain('in');
		// Three free mistakes, then a wait of 1 s, 2 s, ...: at most five checked in two seconds.
		expect(checked).toBeLessThanOrEqual(5);
		expect(checked / seconds).toBeLessThan(3);
	});

	it('lets the real user in on a browser that signed in before, while the guessing goes on', async () => {
		const earlier = await app.staffAuth.login('lan.btc', PASSWORD, '198.51.100.7');
		if (!earlier.ok) throw new Error(earlier.error.code);
		clock = Date.now();
		for (let i = 0; i < 30; i++) await app.staffAuth.login('lan.btc', 'doan-sai', ADDRESSES[i % 40]);
		expect(await app.staffAuth.login('lan.btc', 'doan-sai', ADDRESSES[0])).toMatchObject({ error: { code: 'login_wait' } });
		// The same hall address as the guessers does not matter: the browser's device token does.
		const back = await app.staffAuth.login('lan.btc', PASSWORD, ADDRESSES[0], earlier.data.device);
		expect(back.ok).toBe(true);
	});

	it('lets the real user in on a new browser after the wait: a delay, never a lock-out', async () => {
		clock = Date.now();
		for (let i = 0; i < 40; i++) {
			await app.staffAuth.login('lan.btc', 'doan-sai', ADDRESSES[i]);
			clock += 61_000;
		}
		expect(await app.staffAuth.login('lan.btc', PASSWORD, 'hall')).toMatchObject({ ok: true });
	});

	it('makes even the right password wait during the wait, so the wait tells nothing', async () => {
		clock = Date.now();
		for (let i = 0; i < 3; i++) await app.staffAuth.login('lan.btc', 'doan-sai', ADDRESSES[i]);
		expect(await app.staffAuth.login('lan.btc', PASSWORD, ADDRESSES[3])).toMatchObject({ error: { code: 'login_wait' } });
		clock += 1000;
		expect((await app.staffAuth.login('lan.btc', PASSWORD, ADDRESSES[3])).ok).toBe(true);
	});

	it('does not let a device token trusted for one account skip another account’s wait', async () => {
		await app.staffAuth.createAccount({ username: 'mc.hoa', displayName: 'Hoa', password: 'mat-khau-cua-hoa' }, false);
		const mine = await app.staffAuth.login('lan.btc', PASSWORD, 'hall');
		if (!mine.ok) throw new Error(mine.error.code);
		clock = Date.now();
		for (let i = 0; i < 3; i++) await app.staffAuth.login('mc.hoa', 'doan-sai', ADDRESSES[i]);
		expect(await app.staffAuth.login('mc.hoa', 'doan-sai', 'hall', mine.data.device)).toMatchObject({ error: { code: 'login_wait' } });
	});

	it('keeps the per-address ceiling', async () => {
		clock = Date.now();
		let limited = false;
		for (let i = 0; i < 320 && !limited; i++) {
			const result = await app.staffAuth.login(`name${i}`, 'doan-sai', '192.0.2.9');
			limited = !result.ok && result.error.code === 'rate_limited';
		}
		expect(limited).toBe(true);
	});
});
