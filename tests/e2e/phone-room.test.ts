import { expect, test, type Browser } from '@playwright/test';
import { cards, expectOnline, joinForum, submitItem, TOPICS, uniqueText, unsent } from './helpers';

/** The smallest phone the forum plans for. */
const SMALL_PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true } as const;

async function smallPhone(browser: Browser) {
	const context = await browser.newContext(SMALL_PHONE);
	return { context, page: await context.newPage() };
}

test('on a small phone the bar stays in view, counts what waits offline, and the child sees their item after sending', async ({ browser }) => {
	const writer = await smallPhone(browser);
	const reader = await smallPhone(browser);
	try {
		const { page } = writer;
		await joinForum(page, 'Xã Tú Xuyên');
		await joinForum(reader.page, 'Xã Điềm He');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByText('Em không cần tài khoản hay tên thật.', { exact: false })).toBeVisible();

		const bar = page.getByTestId('room-bar');
		const mineLink = page.getByTestId('bar-mine');
		await writer.context.setOffline(true);
		await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');

		const text = uniqueText('Em muốn có thêm giờ đọc sách ở thư viện');
		await submitItem(page, { text, topic: TOPICS.play, kind: 'Kiến nghị' });
		// The bar is on screen wherever the page is scrolled, with the waiting count.
		await expect(bar).toBeInViewport();
		await expect(page.getByTestId('connection')).toContainText('1 ý kiến đang chờ gửi');
		await expect(mineLink).toContainText('Của em 1');
		// The child is shown their item, and it says it waits for the network.
		await expect(unsent(page, text)).toBeInViewport();
		await expect(unsent(page, text)).toContainText('Chờ có mạng để gửi');
		await expect(cards(reader.page, 'feed', text)).toHaveCount(0);

		await writer.context.setOffline(false);
		await expectOnline(page);
		await expect(cards(page, 'mine', text)).toHaveCount(1);
		await expect(page.getByTestId('connection')).not.toContainText('chờ gửi');
		await expect(mineLink).toContainText('Của em 1');
		await expect(bar).toBeInViewport();
		await expect(cards(reader.page, 'feed', text)).toHaveCount(1);

		// Online: after sending, the new item is on screen (not below the fold).
		await page.getByRole('link', { name: 'Gửi ý kiến' }).click();
		const second = uniqueText('Vì sao đường đến trường chưa có đèn?');
		await submitItem(page, { text: second, topic: TOPICS.traffic });
		await expect(cards(page, 'mine', second)).toBeInViewport();
		await expect(bar).toBeInViewport();
		await expect(cards(reader.page, 'feed', second)).toHaveCount(1);

		// Every text in the room, card details included, is at least 16 px.
		const smallest = await page.evaluate(() =>
			Math.min(
				...[...document.querySelectorAll('main *')]
					.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
					.map((el) => parseFloat(getComputedStyle(el).fontSize))
			)
		);
		expect(smallest).toBeGreaterThanOrEqual(16);
	} finally {
		await Promise.all([writer.context.close(), reader.context.close()]);
	}
});

test('a pasted text over 500 characters is kept whole: the child is told and shortens it', async ({ browser }) => {
	const { context, page } = await smallPhone(browser);
	try {
		await joinForum(page, 'Xã Yên Phúc');
		const long = `${uniqueText('Em kiến nghị')} ${'sân chơi cho thiếu nhi '.repeat(24)}`.slice(0, 520);
		await page.getByRole('radio', { name: 'Kiến nghị', exact: true }).check();
		await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPICS.play });
		const field = page.getByLabel('Nội dung', { exact: true });
		await field.fill(long);
		// Not cut: every character is still there, and the page says by how much it is too long.
		await expect(field).toHaveValue(long);
		await expect(page.getByTestId('chars-left')).toHaveText('Dài quá 20 ký tự. Em hãy rút gọn rồi gửi.');
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await page.getByRole('button', { name: 'Gửi', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('Nội dung quá dài');
		await expect(page.getByTestId('unsent')).toHaveCount(0);

		const shortened = long.slice(0, 480).trim();
		await field.fill(shortened);
		await expect(page.getByTestId('chars-left')).toHaveText(/^Còn \d+ ký tự$/);
		await page.getByRole('button', { name: 'Gửi', exact: true }).click();
		await expect(cards(page, 'mine', shortened.slice(0, 60))).toHaveCount(1);
	} finally {
		await context.close();
	}
});

test('where a service worker may run (here localhost), a reload without network shows the room and what waits to be sent', async ({ browser }) => {
	const { context, page } = await smallPhone(browser);
	try {
		await joinForum(page, 'Xã Tri Lễ');
		// The worker keeps the room that registered it as soon as it runs.
		const keptPages = () =>
			page.evaluate(async () => {
				const urls: string[] = [];
				for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
				return urls.filter((path) => !path.startsWith('/_app/') && path !== '/favicon.svg');
			});
		await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
		await expect.poll(keptPages).toEqual(['/j/VQ24']);

		await context.setOffline(true);
		await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
		const text = uniqueText('Em muốn có lớp học bơi mùa hè');
		await submitItem(page, { text, topic: TOPICS.traffic });
		await expect(unsent(page, text)).toHaveCount(1);

		// Without the worker this is the browser's own error page.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Gửi', exact: true })).toBeVisible();
		await expect(unsent(page, text)).toHaveCount(1);
		await expect(page.getByTestId('connection')).toContainText('1 ý kiến đang chờ gửi');
		await expect(page.getByTestId('connection')).not.toHaveAttribute('data-state', 'online');

		await context.setOffline(false);
		await expectOnline(page);
		await expect(cards(page, 'mine', text)).toHaveCount(1);
		await expect(unsent(page, text)).toHaveCount(0);

		// Staff pages and the live connection are never kept.
		await page.goto('/login');
		await page.goto('/staff/follow-ups');
		expect(await keptPages()).toEqual(['/j/VQ24']);
	} finally {
		await context.close();
	}
});
