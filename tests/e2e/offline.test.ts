import { expect, test } from '@playwright/test';
import { cards, expectOnline, joinForum, newPhone, submitItem, TOPICS, uniqueText, unsent } from './helpers';

const SOCKET = /\/socket\.io\//;

test('an item written offline is kept, then sent exactly once when the phone is back online', async ({ browser }) => {
	const writer = await newPhone(browser);
	const reader = await newPhone(browser);
	try {
		await joinForum(writer.page, 'Xã Tú Xuyên');
		await joinForum(reader.page, 'Xã Điềm He');

		await writer.context.setOffline(true);
		const badge = writer.page.getByTestId('connection');
		await expect(badge).toHaveAttribute('data-state', 'offline');

		const text = uniqueText('Em mong có thêm sách ở thư viện trường');
		await submitItem(writer.page, { text, topic: TOPICS.play, kind: 'Kiến nghị', agency: 'Phòng Giáo dục và Đào tạo' });
		await expect(writer.page.getByRole('status').filter({ hasText: 'Đã lưu. Sẽ tự gửi khi có mạng lại.' })).toBeVisible();
		await expect(unsent(writer.page, text)).toHaveCount(1);
		// Not "sending…": offline it waits for the network, and says so.
		await expect(unsent(writer.page, text)).toContainText('Chờ có mạng để gửi');
		await expect(badge).toContainText('1 ý kiến đang chờ gửi');
		// Nothing reached the server while offline.
		await expect(cards(writer.page, 'mine', text)).toHaveCount(0);
		await expect(cards(reader.page, 'feed', text)).toHaveCount(0);

		await writer.context.setOffline(false);
		await expect(badge).toHaveAttribute('data-state', 'online');
		await expect(unsent(writer.page, text)).toHaveCount(0);
		await expect(cards(writer.page, 'mine', text)).toHaveCount(1);
		await expect(cards(writer.page, 'mine', text)).toContainText('Kiến nghị');
		await expect(cards(writer.page, 'mine', text)).toContainText('Gửi tới: Phòng Giáo dục và Đào tạo');
		await expect(cards(writer.page, 'feed', text)).toHaveCount(1);
		await expect(cards(reader.page, 'feed', text)).toHaveCount(1);
		await expect(badge).not.toContainText('đang chờ gửi');

		// Stored once: fresh loads show it once too.
		await writer.page.reload();
		await expectOnline(writer.page);
		await expect(cards(writer.page, 'mine', text)).toHaveCount(1);
		await expect(cards(writer.page, 'feed', text)).toHaveCount(1);
		await expect(writer.page.getByTestId('unsent')).toHaveCount(0);
		await reader.page.reload();
		await expectOnline(reader.page);
		await expect(cards(reader.page, 'feed', text)).toHaveCount(1);
	} finally {
		await Promise.all([writer.context.close(), reader.context.close()]);
	}
});

test('unsent items survive a reload and are sent once the live connection returns', async ({ browser }) => {
	test.setTimeout(75_000);
	const writer = await newPhone(browser);
	const reader = await newPhone(browser);
	try {
		const { page } = writer;
		await joinForum(page, 'Xã Yên Phúc');
		await joinForum(reader.page, 'Xã Tri Lễ');

		// The page itself loads, but the live connection cannot be made (like a captive Wi-Fi):
		// no WebSocket, no long-polling.
		let refuse = true;
		let tried: () => void = () => {};
		const socketTried = new Promise<void>((resolve) => (tried = resolve));
		await page.routeWebSocket(SOCKET, (ws) => {
			tried();
			if (refuse) ws.close();
			else ws.connectToServer();
		});
		await page.route(SOCKET, (route) => route.abort());
		// The room opens its socket once hydrated: wait for that attempt before using the composer.
		await page.reload();
		await socketTried;
		const badge = page.getByTestId('connection');
		await expect(badge).toHaveAttribute('data-state', 'connecting');

		const text = uniqueText('Em muốn có đường an toàn đến trường');
		await submitItem(page, { text, topic: TOPICS.traffic, kind: 'Thông điệp' });
		await expect(page.getByRole('status').filter({ hasText: 'Đã lưu. Sẽ tự gửi khi có mạng lại.' })).toBeVisible();
		await expect(unsent(page, text)).toHaveCount(1);

		await page.reload();
		await expect(badge).toHaveAttribute('data-state', 'connecting');
		await expect(unsent(page, text)).toHaveCount(1);
		await expect(badge).toContainText('1 ý kiến đang chờ gửi');
		await expect(cards(reader.page, 'feed', text)).toHaveCount(0);

		// The connection comes back: the socket client's own retry delivers the item.
		refuse = false;
		await page.unroute(SOCKET);
		// A refused WebSocket try waits out the client's 8 s connect timeout before the next.
		await expect(badge).toHaveAttribute('data-state', 'online', { timeout: 25_000 });
		await expect(unsent(page, text)).toHaveCount(0);
		await expect(cards(page, 'mine', text)).toHaveCount(1);
		await expect(cards(page, 'feed', text)).toHaveCount(1);
		await expect(cards(reader.page, 'feed', text)).toHaveCount(1);

		await page.reload();
		await expectOnline(page);
		await expect(cards(page, 'mine', text)).toHaveCount(1);
		await expect(page.getByTestId('unsent')).toHaveCount(0);
	} finally {
		await Promise.all([writer.context.close(), reader.context.close()]);
	}
});
