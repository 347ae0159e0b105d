/**
 * Redis stops in the middle of the event and comes back empty (the machines keep nothing on disk):
 * both processes keep answering while it is away, and once it is back the rooms span the processes
 * again and the counts are right everywhere, without any page being reloaded.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cards, expectOnline, joinForum, PHONE, screenEntry, SCREEN, submitItem, TOPICS, uniqueText } from '../e2e/helpers';
import { sleep, startCluster, type AppProcess, type Cluster } from './cluster';

let cluster: Cluster | null = null;
const contexts: BrowserContext[] = [];
test.afterEach(async ({}, testInfo) => {
	if (cluster && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('cluster-log', { body: cluster.logs(), contentType: 'text/plain' });
	await Promise.all(contexts.splice(0).map((context) => context.close()));
	await cluster?.dispose();
	cluster = null;
});

async function pageOn(browser: Browser, c: Cluster, target: AppProcess, device: object): Promise<Page> {
	const lane = await c.laneOn(target);
	const context = await browser.newContext({ ...device, baseURL: c.origin });
	contexts.push(context);
	await context.addInitScript((key) => sessionStorage.setItem('dd-lane', key), lane);
	return context.newPage();
}

test('Redis restarted during the event: the app keeps answering, rooms and counts recover without a reload', async ({ browser }) => {
	test.setTimeout(180_000);
	const c = (cluster = await startCluster('redis'));
	const screen = await pageOn(browser, c, c.b, SCREEN);
	await screen.goto(`/screen/${c.event.displayKey}`);
	await expect(screen.getByTestId('join-code')).toHaveText(c.event.code);
	const writer = await pageOn(browser, c, c.b, PHONE);
	await writer.goto(`/j/${c.event.code}`);
	await joinForum(writer, 'Xã Tràng Các');
	const voter = await pageOn(browser, c, c.a, PHONE);
	await voter.goto(`/j/${c.event.code}`);
	await joinForum(voter, 'Xã Vĩnh Lại');

	const before = uniqueText('Em muốn có thư viện ở thôn em');
	await submitItem(writer, { text: before, topic: TOPICS.play });
	await expect(cards(voter, 'feed', before)).toHaveCount(1);
	await expect(screenEntry(screen, before)).toHaveCount(1);

	await c.redis.stop();
	expect(await c.redis.ping()).toBe(false);

	// While Redis is away each process still serves its pages and takes votes and items.
	for (const app of [c.a, c.b]) {
		// Straight to the process, with the header nginx would add (ADDRESS_HEADER requires it).
		const response = await fetch(`${app.origin}/j/${c.event.code}`, { headers: { 'x-forwarded-for': '192.0.2.10' }, signal: AbortSignal.timeout(5000) });
		expect(response.status, `process ${app.name} answers its join page without Redis`).toBe(200);
	}
	const vote = cards(voter, 'feed', before).getByRole('button');
	await vote.tap();
	await expect(vote).toHaveAttribute('aria-pressed', 'true');
	const during = uniqueText('Em muốn có sân bóng cho thiếu nhi');
	await submitItem(writer, { text: during, topic: TOPICS.play });
	await expect(cards(writer, 'mine', during)).toHaveCount(1);

	await sleep(2000);
	await c.redis.start();

	// Back: a change on A reaches B's screen again, and what happened while Redis was away is
	// shown there too, all without a reload.
	const after = uniqueText('Em muốn đường đến trường có đèn');
	await expect(async () => {
		const { rows } = await c.db.query('select 1 from submissions where text = $1', [after]);
		if (!rows.length) await submitItem(voter, { text: after, topic: TOPICS.play });
		await expect(screenEntry(screen, after)).toHaveCount(1, { timeout: 3000 });
	}).toPass({ timeout: 30_000 });
	await expect(cards(writer, 'feed', after)).toHaveCount(1);
	await expect(screenEntry(screen, during)).toHaveCount(1);
	await expect(cards(voter, 'feed', during)).toHaveCount(1);
	await expect(screenEntry(screen, before).getByTestId('votes')).toHaveText('1');
	await expect(cards(writer, 'mine', before).getByTestId('votes')).toHaveText('1');

	// And a vote on A after the restart is counted on B's screen, live.
	const voteAfter = cards(voter, 'feed', during).getByRole('button');
	await voteAfter.tap();
	await expect(voteAfter).toHaveAttribute('aria-pressed', 'true');
	await expect(screenEntry(screen, during).getByTestId('votes')).toHaveText('1');
	await expect(cards(writer, 'mine', during).getByTestId('votes')).toHaveText('1');
	const { rows } = await c.db.query<{ text: string; votes: number }>('select text, vote_count as votes from submissions where vote_count > 0 order by text');
	expect(rows).toEqual([before, during].sort().map((text) => ({ text, votes: 1 })));
	await expectOnline(voter);
	await expectOnline(writer);
});
