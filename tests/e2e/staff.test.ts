import { expect, test } from '@playwright/test';
import { createForum, ORGANISER, signInOrganiser } from './staff-helpers';

/**
 * The first organiser account and staff sign-in. The e2e database starts without accounts, so the
 * first test to reach /login is sent to the one-time setup page.
 */

test('the organiser account (set up on first run) signs out, is refused a wrong password, signs in', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();

	await signInOrganiser(page);

	// Once an account exists, the setup page has locked itself.
	const other = await browser.newContext();
	const stranger = await other.newPage();
	await stranger.goto('/setup');
	await expect(stranger).toHaveURL(/\/login$/);

	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/login$/);

	await page.getByLabel('Tên đăng nhập').fill(ORGANISER.username);
	await page.getByLabel('Mật khẩu').fill('not-the-password');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');

	await page.getByLabel('Mật khẩu').fill(ORGANISER.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('heading', { name: `Xin chào, ${ORGANISER.name}` })).toBeVisible();
	const cookie = (await context.cookies()).find((c) => c.name === 'dd_staff');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

	// The organiser creates an event; what they typed is shown as text, never run as script.
	await createForum(page, {
		title: 'Diễn đàn trẻ em xã Tràng Các 2025',
		level: 'commune',
		topics: ['An toàn trên mạng', 'Phòng chống đuối nước'],
		delegations: ['Thôn Nà Pài', '<img src=x onerror="window.pwned=1">']
	});
	await page.goto('/staff');
	const listed = page.getByTestId('staff-events').getByRole('listitem').filter({ hasText: 'Tràng Các 2025' });
	await expect(listed).toContainText('Ban Tổ chức');
	await listed.getByRole('link', { name: 'Trang tham gia' }).click();
	await expect(page.getByRole('radio', { name: '<img src=x onerror="window.pwned=1">' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

	await Promise.all([context.close(), other.close()]);
});

test('staff pages without a session send the visitor to sign in', async ({ page }) => {
	for (const path of ['/staff', '/staff/events/new']) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/(login|setup)$/);
	}
});
