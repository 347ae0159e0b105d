import { expect, type Browser, type Page } from '@playwright/test';

/** The e2e run's organiser account: made on the one-time setup page by whichever test comes first. */
export const ORGANISER = { username: 'btc.vanquan', name: 'Hoàng Văn Bình', password: 'dien-dan-2024-van-quan' };
export const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** Signs the organiser in on this page, creating the account first when the server has none. */
export async function signInOrganiser(page: Page) {
	await page.goto('/login');
	if (new URL(page.url()).pathname === '/setup') await page.getByLabel('Họ và tên').fill(ORGANISER.name);
	await page.getByLabel('Tên đăng nhập').fill(ORGANISER.username);
	await page.getByLabel('Mật khẩu').fill(ORGANISER.password);
	await page.getByRole('button', { name: /^(Tạo tài khoản|Đăng nhập)$/ }).click();
	await expect(page.getByRole('heading', { name: `Xin chào, ${ORGANISER.name}` })).toBeVisible();
}

export async function organiserPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext(LAPTOP)).newPage();
	await signInOrganiser(page);
	return page;
}
