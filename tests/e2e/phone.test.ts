import { expect, test } from '@playwright/test';
import { hydrated, JOIN_PATH, joinForum, submitItem, TOPICS } from './helpers';

test('a visitor who has not joined sees the join form', async ({ page }) => {
	await page.goto(JOIN_PATH);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chào mừng em!');
	await expect(page.getByRole('group', { name: 'Em thuộc đoàn nào?' })).toBeVisible();
	for (const name of ['Xã Tràng Các', 'Xã Vĩnh Lại', 'Thị trấn Văn Quan']) {
		await expect(page.getByRole('radio', { name, exact: true })).not.toBeChecked();
	}
	await expect(page.getByLabel('Biệt danh (không bắt buộc)')).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Vào diễn đàn' })).toBeVisible();
	// No room yet: no composer, no live connection.
	await expect(page.getByTestId('connection')).toHaveCount(0);
	await expect(page.getByLabel('Nội dung', { exact: true })).toHaveCount(0);
});

test('a delegation tapped before the page’s scripts arrive stays chosen once they do', async ({ page }) => {
	// A slow phone: hold the scripts back until the child has tapped.
	let release: () => void = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(JOIN_PATH, { waitUntil: 'commit' });
	await page.getByRole('radio', { name: 'Xã Vĩnh Lại', exact: true }).check();
	release();
	await hydrated(page);
	await expect(page.getByRole('radio', { name: 'Xã Vĩnh Lại', exact: true })).toBeChecked();
});

test('an unknown join code shows a friendly page in Vietnamese', async ({ page }) => {
	const response = await page.goto('/j/ZZZZ');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Không tìm thấy diễn đàn' })).toBeVisible();
	await expect(page.getByText('Mã "ZZZZ" không đúng hoặc diễn đàn đã đóng.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Nhập mã khác' })).toHaveAttribute('href', '/');
});

test('an unknown projection screen key shows a not-found page', async ({ page }) => {
	const response = await page.goto('/screen/not-a-real-key');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Không tìm thấy diễn đàn' })).toBeVisible();
});

test('sending without text shows a Vietnamese error and adds nothing', async ({ page }) => {
	await joinForum(page, 'Xã Tràng Các');
	const feed = page.getByTestId('feed').getByTestId('submission');
	const mine = page.getByTestId('mine');
	const feedCount = await feed.count();

	// Empty.
	await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPICS.online });
	await page.getByRole('button', { name: 'Gửi', exact: true }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText('Em hãy viết nội dung trước khi gửi.');
	await expect(page.getByLabel('Nội dung', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// Only spaces and line breaks count as empty too.
	await submitItem(page, { text: '   \n  ', topic: TOPICS.online });
	await expect(alert).toHaveText('Em hãy viết nội dung trước khi gửi.');

	await expect(mine.getByTestId('submission')).toHaveCount(0);
	await expect(mine.getByTestId('unsent')).toHaveCount(0);
	await expect(page.getByText('Em chưa gửi gì.')).toBeVisible();
	await expect(feed).toHaveCount(feedCount);
	await expect(page.getByTestId('connection')).not.toContainText('đang chờ gửi');
});

test('sending without a topic asks for one and adds nothing', async ({ page }) => {
	await joinForum(page, 'Xã Vĩnh Lại');
	const topic = page.getByLabel('Chủ đề', { exact: true });
	// The placeholder is shown and cannot be picked.
	await expect(topic.locator('option').first()).toBeDisabled();
	await expect(topic).toHaveValue('');
	await page.getByLabel('Nội dung', { exact: true }).fill('Câu hỏi chưa có chủ đề');
	await page.getByRole('button', { name: 'Gửi', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Em hãy chọn một chủ đề trong danh sách.');
	await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Câu hỏi chưa có chủ đề');
	await expect(page.getByTestId('mine').getByTestId('submission')).toHaveCount(0);
	await expect(page.getByTestId('mine').getByTestId('unsent')).toHaveCount(0);
});
