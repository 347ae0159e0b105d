import { expect, test } from '@playwright/test';
import { JOIN_PATH, tapUntil } from './helpers';

test('the phone pages switch to English and back', async ({ page }) => {
	await page.goto(JOIN_PATH);
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByRole('button', { name: 'Vào diễn đàn' })).toBeVisible();

	const toEnglish = page.getByRole('button', { name: 'Switch to English' });
	await expect(toEnglish).toHaveText('English');
	await tapUntil(toEnglish, page.getByRole('button', { name: 'Enter the forum' }));
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome!');
	await expect(page.getByRole('group', { name: 'Which delegation are you in?' })).toBeVisible();
	await expect(page.getByLabel('Nickname (optional)')).toBeVisible();
	await expect(page.getByText('Need help? Call the 111 child helpline (free, 24/7)')).toBeVisible();

	// The choice is remembered: the room after joining is in English too.
	await page.getByRole('radio', { name: 'Xã Vĩnh Lại', exact: true }).check();
	await page.getByRole('button', { name: 'Enter the forum' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(page.getByTestId('connection')).toHaveText('Connected');
	await expect(page.getByRole('heading', { name: 'Send your voice' })).toBeVisible();
	await expect(page.getByLabel('Topic', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Please write something before sending.');

	// And back to Vietnamese.
	await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
	await expect(page.getByRole('heading', { name: 'Gửi ý kiến của em' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('the not-found page follows the chosen language', async ({ page }) => {
	await page.goto(JOIN_PATH);
	await tapUntil(page.getByRole('button', { name: 'Switch to English' }), page.getByRole('button', { name: 'Enter the forum' }));
	const response = await page.goto('/j/ZZZZ');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Forum not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Enter another code' })).toBeVisible();
});

test('the room fits a small phone in both languages, without sideways scrolling', async ({ browser, baseURL }) => {
	for (const locale of ['vi', 'en']) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		await context.addCookies([{ name: 'dd_locale', value: locale, url: baseURL! }]);
		const page = await context.newPage();
		await page.goto(JOIN_PATH);
		await page.getByRole('radio', { name: 'Xã Điềm He', exact: true }).check();
		await page.getByRole('button', { name: locale === 'vi' ? 'Vào diễn đàn' : 'Enter the forum' }).click();
		await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await context.close();
	}
});

test('the language switch works without scripts: the public outcome page runs none', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(JOIN_PATH.replace('/j/', '/ket-qua/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả ý kiến của trẻ em');
	await page.getByRole('button', { name: 'Switch to English' }).click();
	// Back on the same page, in English.
	await expect(page).toHaveURL(/\/ket-qua\/VQ24$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("What became of the children's voices");
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// The 111 line is on the page once.
	await expect(page.getByText('111')).toHaveCount(1);
	await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả ý kiến của trẻ em');
	await context.close();
});

test('the language switch only ever sends the visitor back to a page of this site', async ({ request }) => {
	for (const back of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
		const response = await request.get(`/lang?to=en&back=${encodeURIComponent(back)}`, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/');
	}
	// A path with characters a header cannot carry comes back percent-encoded, not as a server error.
	const odd = await request.get(`/lang?to=vi&back=${encodeURIComponent('/ket-qua/VQ24?q=Kết quả 😀')}`, { maxRedirects: 0 });
	expect(odd.status()).toBe(303);
	expect(odd.headers()['location']).toBe('/ket-qua/VQ24?q=K%E1%BA%BFt%20qu%E1%BA%A3%20%F0%9F%98%80');
	const ok = await request.get(`/lang?to=en&back=${encodeURIComponent('/ket-qua/VQ24?x=1')}`, { maxRedirects: 0 });
	expect(ok.headers()['location']).toBe('/ket-qua/VQ24?x=1');
	expect(ok.headers()['set-cookie']).toContain('dd_locale=en');
});
