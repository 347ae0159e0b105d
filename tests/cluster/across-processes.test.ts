/**
 * One forum over two app processes behind nginx (tests/cluster/cluster.ts): a phone on process A
 * and the projection screen on process B see each other's changes as if they shared one process.
 */
import { request } from 'node:http';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cards, expectOnline, joinForum, PHONE, screenEntry, SCREEN, submitItem, TOPICS, uniqueText } from '../e2e/helpers';
import { LAPTOP, signInOrganiser } from '../e2e/staff-helpers';
import { startCluster, type AppProcess, type Cluster } from './cluster';

/** PRODUCT.md's change-to-screen budget: a vote on a phone shows on the projector within it. */
const CHANGE_TO_SCREEN_BUDGET_MS = 250;

let cluster: Cluster | null = null;
const contexts: BrowserContext[] = [];
test.afterEach(async ({}, testInfo) => {
	if (cluster && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('cluster-log', { body: cluster.logs(), contentType: 'text/plain' });
	await Promise.all(contexts.splice(0).map((context) => context.close()));
	await cluster?.dispose();
	cluster = null;
});

/**
 * A browser context whose live connection goes to `target`: its tab's lane key (the one
 * src/lib/client/socket.ts keeps in sessionStorage) is one nginx hashes to that process. Checks,
 * from nginx's own answer, that the page's socket really landed there.
 */
async function pageOn(browser: Browser, c: Cluster, target: AppProcess, device: object): Promise<Page> {
	const lane = await c.laneOn(target);
	const context = await browser.newContext({ ...device, baseURL: c.origin });
	contexts.push(context);
	await context.addInitScript((key) => sessionStorage.setItem('dd-lane', key), lane);
	const page = await context.newPage();
	placements.set(page, { target, seen: 0, astray: [] });
	const check = (address: string, headers: Record<string, string>) => {
		const url = new URL(address);
		const placement = placements.get(page);
		if (!placement || !url.pathname.startsWith('/socket.io/')) return;
		placement.seen++;
		const upstream = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-test-upstream')?.[1] ?? '';
		if (url.searchParams.get('lane') !== lane || !upstream.endsWith(`:${target.port}`))
			placement.astray.push(`lane ${url.searchParams.get('lane')} answered by ${upstream}`);
	};
	// Long-polling requests (a phone whose network refuses WebSockets, or an upgrade probe) ...
	page.on('response', (response) => check(response.url(), response.headers()));
	// ... and the WebSocket handshakes phones open first, whose answer only the DevTools protocol shows.
	const cdp = await context.newCDPSession(page);
	const sockets = new Map<string, string>();
	cdp.on('Network.webSocketCreated', ({ requestId, url }) => sockets.set(requestId, url));
	cdp.on('Network.webSocketHandshakeResponseReceived', ({ requestId, response }) => {
		const url = sockets.get(requestId);
		if (url) check(url.replace(/^ws/, 'http'), response.headers as Record<string, string>);
	});
	await cdp.send('Network.enable');
	return page;
}

/** Where each page's live requests went: every one must reach the process the page was meant for. */
const placements = new Map<Page, { target: AppProcess; seen: number; astray: string[] }>();

function getWithHost(origin: string, host: string, path: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(`${origin}${path}`, { headers: { host } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
		req.on('error', reject);
		req.end();
	});
}

test('a vote on process A reaches the screen on process B within the budget; the console on A sees an item sent on B', async ({ browser }) => {
	test.setTimeout(180_000);
	const c = (cluster = await startCluster('live'));

	// The app's Host check passes through nginx for the configured name, and still refuses others.
	expect(await getWithHost(c.origin, 'forum.example.gov.vn', '/healthz')).toBe(200);
	expect(await getWithHost(c.origin, 'forum.attacker.example', '/healthz')).toBe(421);

	const screen = await pageOn(browser, c, c.b, SCREEN);
	await screen.goto(`/screen/${c.event.displayKey}`);
	await expect(screen.getByTestId('join-code')).toHaveText(c.event.code);

	const mc = await pageOn(browser, c, c.a, LAPTOP);
	await signInOrganiser(mc);
	await mc.goto(`/staff/events/${c.event.id}/console`);
	await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	const writer = await pageOn(browser, c, c.b, PHONE);
	await writer.goto(`/j/${c.event.code}`);
	await joinForum(writer, 'Xã Tràng Các');
	const voter = await pageOn(browser, c, c.a, PHONE);
	await voter.goto(`/j/${c.event.code}`);
	await joinForum(voter, 'Xã Vĩnh Lại');

	// An item sent on B reaches the console and the phone on A, and the screen on B.
	const text = uniqueText('Vì sao đường đến trường của xã em chưa có đèn?');
	await submitItem(writer, { text, topic: TOPICS.play });
	await expect(cards(writer, 'mine', text)).toHaveCount(1);
	await expect(mc.getByTestId('console-item').filter({ hasText: text }).first()).toBeVisible();
	const onVoter = cards(voter, 'feed', text);
	await expect(onVoter).toHaveCount(1);
	const onScreen = screenEntry(screen, text);
	await expect(onScreen.getByTestId('votes')).toHaveText('0');

	// The screen notes when its count turns to 1; the phone notes when the child taps.
	await screen.evaluate((wanted) => {
		const w = window as unknown as { shownAt?: number };
		new MutationObserver(() => {
			if (w.shownAt) return;
			const entry = [...document.querySelectorAll('[data-testid=screen-lead], [data-testid=screen-item]')].find((e) => e.textContent?.includes(wanted));
			if (entry?.querySelector('[data-testid=votes]')?.textContent === '1') w.shownAt = Date.now();
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	}, text);
	const vote = onVoter.getByRole('button');
	await vote.evaluate((button) => button.addEventListener('click', () => ((window as unknown as { tappedAt: number }).tappedAt = Date.now()), { capture: true }));
	await vote.tap();
	await expect(vote).toHaveAttribute('aria-pressed', 'true');
	await expect(onScreen.getByTestId('votes')).toHaveText('1');
	await expect(mc.getByTestId('console-item').filter({ hasText: text }).first().getByTestId('votes')).toHaveText('1');
	const tappedAt = await voter.evaluate(() => (window as unknown as { tappedAt: number }).tappedAt);
	const shownAt = await screen.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
	const elapsed = shownAt - tappedAt;
	console.log(`vote on A to screen on B: ${elapsed} ms (budget ${CHANGE_TO_SCREEN_BUDGET_MS} ms)`);
	expect(elapsed).toBeGreaterThan(0);
	expect(elapsed).toBeLessThanOrEqual(CHANGE_TO_SCREEN_BUDGET_MS);

	// Stored once, in the one database: a reload of the screen (on B again) shows the same count.
	const { rows } = await c.db.query<{ votes: number; n: string }>(
		'select vote_count as votes, (select count(*) from votes v where v.submission_id = s.id) as n from submissions s where s.text = $1',
		[text]
	);
	expect(rows).toEqual([{ votes: 1, n: '1' }]);
	await screen.reload();
	await expect(screenEntry(screen, text).getByTestId('votes')).toHaveText('1');
	await expectOnline(voter);
	for (const { target, seen, astray } of placements.values()) {
		expect(seen, `live requests of a page meant for ${target.name}`).toBeGreaterThan(0);
		expect(astray, `live requests of a page meant for ${target.name} that went elsewhere`).toEqual([]);
	}
	placements.clear();
});
