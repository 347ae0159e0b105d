import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { JOIN_PATH, expectOnline, joinForum, newPhone } from './helpers';

/**
 * The child's phone is often a cheap Android on hall Wi-Fi: the page's JavaScript, gzipped, must
 * stay within budget on a cold cache. Growing past it fails the suite; trim before raising it.
 * Issue 18's budget: 50 KB. The room is at about 49.8 KB (from 53.7 KB): WebSocket first with
 * long-polling loaded only where a network refuses WebSockets, Terser after the bundler, shorter
 * scoped class names and the socket client's binary paths left out (vite.config.ts).
 */
const PHONE_JS_BUDGET_BYTES = 50 * 1024;

function recordJavaScript(page: Page) {
	const sizes = new Map<string, number>();
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js')) return;
		sizes.set(response.url(), gzipSync(await response.body()).length);
	});
	return () => [...sizes.values()].reduce((sum, n) => sum + n, 0);
}

test('the phone pages stay within the JavaScript budget on a cold cache', async ({ browser }) => {
	const first = await newPhone(browser);
	const joinPageBytes = recordJavaScript(first.page);
	await first.page.goto(JOIN_PATH);
	await first.page.waitForLoadState('networkidle');
	expect(joinPageBytes()).toBeLessThanOrEqual(PHONE_JS_BUDGET_BYTES);

	// The room, opened by a joined child whose browser has nothing cached.
	await joinForum(first.page, 'Xã Tú Xuyên');
	const cold = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await first.context.storageState() });
	const page = await cold.newPage();
	const roomBytes = recordJavaScript(page);
	await page.goto(JOIN_PATH);
	await expectOnline(page);
	await page.waitForLoadState('networkidle');
	const total = roomBytes();
	test.info().annotations.push({ type: 'phone JS (gzip)', description: `${total} bytes of ${PHONE_JS_BUDGET_BYTES}` });
	console.log(`phone room JS: ${total} bytes gzip (budget ${PHONE_JS_BUDGET_BYTES})`);
	expect(total).toBeGreaterThan(10 * 1024); // the measurement itself saw the app's scripts
	expect(total).toBeLessThanOrEqual(PHONE_JS_BUDGET_BYTES);
	await Promise.all([cold.close(), first.context.close()]);
});

