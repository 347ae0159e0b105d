import { expect, test } from '@playwright/test';
import { cards, expectOnline, hydrated, JOIN_PATH, joinForum, newPhone, submitItem, TOPICS, uniqueText } from './helpers';

/**
 * Phones open a WebSocket first; a network that refuses WebSockets (a proxy, a school's filter)
 * while pages load must still get the child into the live room, by long-polling, loaded only then.
 */
test('a phone whose network refuses WebSockets goes live by long-polling, both ways', async ({ browser }) => {
	// Each refused WebSocket here waits out the client's 8 s connect timeout (a mocked socket opens,
	// then closes); a real proxy's refusal fails at once.
	test.setTimeout(90_000);
	const blocked = await newPhone(browser);
	const other = await newPhone(browser);
	try {
		// What such a network does: no WebSocket gets through; plain requests do.
		await blocked.context.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
		const polled: string[] = [];
		blocked.page.on('request', (request) => {
			if (request.url().includes('transport=polling')) polled.push(request.url());
		});

		await blocked.page.goto(JOIN_PATH);
		await hydrated(blocked.page);
		await blocked.page.getByRole('radio', { name: 'Xã Tràng Các', exact: true }).check();
		await blocked.page.getByRole('button', { name: 'Vào diễn đàn' }).click();
		await expect(blocked.page.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 45_000 });
		expect(polled.length, 'long-polling requests').toBeGreaterThan(0);
		await joinForum(other.page, 'Xã Vĩnh Lại');

		// Up: the blocked phone's question reaches the other phone live.
		const text = uniqueText('Xã có thể mở lớp dạy bơi miễn phí vào hè không?');
		await submitItem(blocked.page, { text, topic: TOPICS.traffic });
		await expect(cards(blocked.page, 'mine', text)).toHaveCount(1);
		const onOther = cards(other.page, 'feed', text);
		await expect(onOther).toHaveCount(1);

		// Down: a vote on the other phone reaches the blocked one without a reload.
		await onOther.getByRole('button').tap();
		await expect(onOther.getByTestId('votes')).toHaveText('1');
		await expect(cards(blocked.page, 'mine', text).getByTestId('votes')).toHaveText('1');
		await expectOnline(blocked.page);
	} finally {
		await Promise.all([blocked.context.close(), other.context.close()]);
	}
});
