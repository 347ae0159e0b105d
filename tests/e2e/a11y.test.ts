import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { forumWithFollowUp } from './follow-up-helpers';
import { cards, expectOnline, JOIN_PATH, joinForum, newPhone, newScreen, screenPath, submitItem, uniqueText, unsent } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/** Accessibility smoke test with axe: a dependency, imported plainly so a broken install fails here. */
async function expectNoSeriousViolations(page: Page, extraTags: string[] = []) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...extraTags]).analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
	expect(serious).toEqual([]);
}

/** Every violation, whatever its impact: the MC's console is held to that. */
async function expectNoViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`)).toEqual([]);
}

test.describe('accessibility (axe)', () => {
	test('join page', async ({ page }) => {
		await page.goto(JOIN_PATH);
		await expectNoSeriousViolations(page);
	});

	test('room', async ({ page }) => {
		await joinForum(page, 'Xã Tràng Các');
		await expectNoSeriousViolations(page);
	});

	test('projection screen', async ({ browser }) => {
		const screen = await newScreen(browser);
		try {
			await screen.page.goto(screenPath());
			await expect(screen.page.getByTestId('join-code')).toBeVisible();
			await expectNoSeriousViolations(screen.page);
		} finally {
			await screen.context.close();
		}
	});

	for (const language of ['vi', 'en'] as const) {
		test(`moderator console at 1366×768, ${language}: no violations at all, with items in every list, one on screen and an alert`, async ({ browser }, testInfo) => {
			test.setTimeout(120_000);
			const page = await organiserPage(browser);
			const { code, eventUrl } = await createForum(page, {
				title: `Diễn đàn kiểm tra trợ năng ${language} ${Date.now().toString(36)}`,
				delegations: ['Thôn A'],
				agenda: ['Đối thoại | 30 | MC'],
				moderation: true
			});
			const phone = (await newPhone(browser)).page;
			await joinForum(phone, 'Thôn A', undefined, `/j/${code}`);
			const texts = ['Vì sao xã em chưa có sân chơi?', 'Thư viện mở cửa lúc mấy giờ?', 'Đường đến trường có an toàn không?', 'Em muốn học bơi ở đâu?'];
			for (const text of texts) {
				await submitItem(phone, { text, topic: 'Sân chơi và thư viện' });
				await expect(cards(phone, 'mine', text)).toBeVisible();
			}
			await submitItem(phone, { text: 'Em bị bố đánh mỗi tối, em sợ lắm', topic: 'Sân chơi và thư viện', kind: 'Thông điệp' });

			await page.goto(`${eventUrl}/console`);
			await expectOnline(page);
			if (language === 'en') {
				await page.getByRole('button', { name: 'Switch to English' }).click();
				await expect(page.locator('html')).toHaveAttribute('lang', 'en');
				await expectOnline(page);
			}
			const item = (text: string) => page.getByTestId('console-item').filter({ hasText: text });
			// One approved, one queued, one on screen, one still waiting; the alert bar for the organiser.
			for (const text of texts.slice(0, 3)) {
				await item(text).focus();
				await page.keyboard.press('a');
				await expect(page.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: text })).toBeVisible();
			}
			await item(texts[1]).focus();
			await page.keyboard.press('q');
			await item(texts[2]).focus();
			await page.keyboard.press('s');
			await expect(page.getByTestId('console-stage')).toContainText(texts[2]);
			await expect(page.getByTestId('console-alert-bar')).toBeVisible();
			await item(texts[3]).focus();
			await expectNoViolations(page);
			// The reasons open, and the alerts open over the lists.
			await page.keyboard.press('r');
			await page.screenshot({ path: testInfo.outputPath(`console-${language}-1366x768.png`) });
			await page.getByTestId('console-alert-bar').getByRole('button').click();
			await expect(page.getByTestId('console-alerts')).toBeVisible();
			await expectNoViolations(page);
		});
	}

	test('items sent ahead: the organiser’s page and the chaperone’s page', async ({ browser }) => {
		const page = await organiserPage(browser);
		await createForum(page, { title: `Diễn đàn trợ năng gửi trước ${Date.now().toString(36)}`, delegations: ['Thôn A', 'Thôn B'] });
		await page.getByRole('link', { name: 'Ý kiến gửi trước' }).click();
		await page.getByTestId('pre-delegation').first().getByRole('button', { name: 'Tạo đường dẫn' }).click();
		const link = await page.getByTestId('chaperone-link').inputValue();
		await expectNoSeriousViolations(page);
		await page.goto(link);
		await expect(page.getByRole('heading', { name: 'Gửi ý kiến trước diễn đàn' })).toBeVisible();
		await expectNoSeriousViolations(page);
	});

	// WCAG 2.2's target size too: these pages are used with a thumb, or by an officer with a touchpad.
	test('room in both languages, with an item waiting offline', async ({ browser, baseURL }) => {
		for (const locale of ['vi', 'en']) {
			const { context, page } = await newPhone(browser);
			try {
				await context.addCookies([{ name: 'dd_locale', value: locale, url: baseURL! }]);
				await page.goto(JOIN_PATH);
				await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
				await page.getByRole('radio', { name: 'Xã Tràng Các', exact: true }).check();
				await page.getByRole('button', { name: locale === 'vi' ? 'Vào diễn đàn' : 'Enter the forum' }).click();
				await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expectNoSeriousViolations(page, ['wcag22aa']);
				if (locale === 'vi') {
					await context.setOffline(true);
					const text = uniqueText('Em mong có sân chơi');
					await submitItem(page, { text });
					await expect(unsent(page, text)).toBeVisible();
					await expectNoSeriousViolations(page, ['wcag22aa']);
				}
			} finally {
				await context.close();
			}
		}
	});

	test('follow-up list, follow-up page and public outcome page, in both languages', async ({ browser, baseURL }) => {
		test.setTimeout(150_000);
		const { organiser, forum, text } = await forumWithFollowUp(browser);
		const visitor = await (await browser.newContext()).newPage();
		for (const locale of ['vi', 'en']) {
			for (const page of [organiser, visitor]) await page.context().addCookies([{ name: 'dd_locale', value: locale, url: baseURL! }]);
			await organiser.goto(`/staff/follow-ups?event=${forum.eventId}`);
			await expect(organiser.locator('html')).toHaveAttribute('lang', locale);
			await expect(organiser.getByTestId('tracking-summary')).toBeVisible();
			await expectNoSeriousViolations(organiser, ['wcag22aa']);
			await organiser.getByTestId('tracking-list').getByRole('link', { name: text }).click();
			await expect(organiser.getByTestId('followup-status')).toBeVisible();
			await expectNoSeriousViolations(organiser, ['wcag22aa']);
			await visitor.goto(`/ket-qua/${forum.code}`);
			await expect(visitor.getByTestId('outcome-summary')).toBeVisible();
			await expectNoSeriousViolations(visitor, ['wcag22aa']);
		}
		await Promise.all([organiser.context().close(), visitor.context().close()]);
	});
});
