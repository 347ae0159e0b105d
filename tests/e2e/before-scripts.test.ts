import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './env';
import { cards, expectOnline, hydrated, joinForum, newPhone, PHONE, uniqueText } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/**
 * The cheap phone works before its scripts arrive: joining, asking and voting are plain form posts
 * that go through the same services as the live channel, and a child who types while the scripts
 * are still loading keeps every word once they have (issue 18).
 */
const TOPIC = 'Sân chơi và thư viện';

async function joinWithoutScripts(page: Page, code: string, delegation: string) {
	await page.goto(`/j/${code}`);
	await page.getByRole('radio', { name: delegation, exact: true }).check();
	await page.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expect(page.getByRole('heading', { name: 'Gửi ý kiến của em' })).toBeVisible();
}

test('without JavaScript a child joins, asks, the MC sees it, and another child votes for it', async ({ browser }) => {
	test.setTimeout(90_000);
	const mc = await organiserPage(browser);
	const { code } = await createForum(mc, { title: 'Diễn đàn không cần script', delegations: ['Thôn Bản Chang', 'Thôn Khòn Pát'] });
	await mc.getByRole('link', { name: 'Mở bàn điều phối' }).click();
	await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	const noScripts = { ...PHONE, javaScriptEnabled: false };
	const asker = await browser.newContext(noScripts);
	const voter = await browser.newContext(noScripts);
	try {
		const a = await asker.newPage();
		await joinWithoutScripts(a, code, 'Thôn Bản Chang');

		// Bad input: a clear translated refusal, the text kept, nothing stored.
		const text = uniqueText('Xã em cần thêm sách cho thư viện thiếu nhi');
		await a.getByLabel('Nội dung', { exact: true }).fill(text);
		await a.getByRole('button', { name: 'Gửi', exact: true }).click();
		await expect(a.getByRole('alert')).toHaveText('Em hãy chọn một chủ đề trong danh sách.');
		await expect(a.getByLabel('Nội dung', { exact: true })).toHaveValue(text);
		await expect(cards(a, 'mine', text)).toHaveCount(0);

		// Asked as a plain post: the child's own list shows it; the MC's console has it live.
		await a.getByRole('radio', { name: 'Kiến nghị', exact: true }).check();
		await a.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC });
		await a.getByRole('button', { name: 'Gửi', exact: true }).click();
		await expect(cards(a, 'mine', text)).toHaveCount(1);
		await expect(cards(a, 'mine', text)).toContainText('Kiến nghị');
		const incoming = mc.getByTestId('console-incoming').getByTestId('console-item').filter({ hasText: text });
		await expect(incoming).toBeVisible();

		// The same post again (a reload that resends, a double tap): the draft's id stores it once.
		const form = a.locator('form#compose');
		const repeat = {
			id: await form.locator('input[name=id]').inputValue(),
			kind: 'message',
			topicId: await a.getByLabel('Chủ đề', { exact: true }).locator('option', { hasText: TOPIC }).getAttribute('value'),
			agencyId: '',
			text: uniqueText('Lần gửi lại')
		};
		for (let i = 0; i < 2; i++) {
			const posted = await asker.request.post(`/j/${code}?/submit`, { form: repeat as Record<string, string>, headers: { origin: E2E_BASE_URL, accept: 'text/html' }, maxRedirects: 0 });
			expect(posted.status()).toBe(303);
		}
		await a.reload();
		await expect(cards(a, 'mine', repeat.text)).toHaveCount(1);

		// The MC approves; a second child, also without scripts, sees it and votes, then takes it back.
		await incoming.focus();
		await mc.keyboard.press('a');
		await expect(mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: text })).toBeVisible();
		const b = await voter.newPage();
		await joinWithoutScripts(b, code, 'Thôn Khòn Pát');
		const card = cards(b, 'feed', text);
		await expect(card.getByTestId('votes')).toHaveText('0');
		await card.getByRole('button', { name: /Bình chọn/ }).click();
		await expect(card.getByTestId('votes')).toHaveText('1');
		await expect(card.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
		await card.getByRole('button').click();
		await expect(card.getByTestId('votes')).toHaveText('0');
		await expect(card.getByRole('button')).toHaveAttribute('aria-pressed', 'false');

		// A forged vote (not an item's id) is refused with a translated message, and changes nothing.
		const forged = await voter.request.post(`/j/${code}?/vote`, { form: { vote: 'not-an-id:on' }, headers: { origin: E2E_BASE_URL, accept: 'text/html' }, maxRedirects: 0 });
		expect(forged.status()).toBe(400);
	} finally {
		await Promise.all([asker.close(), voter.close(), mc.context().close()]);
	}
});

test('what a child types and taps while the scripts load survives hydration and is sent once', async ({ browser }) => {
	const { context, page } = await newPhone(browser);
	try {
		await joinForum(page, 'Xã Tú Xuyên');
		// The next load's scripts are held back until the child has chosen and typed.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(page.url(), { waitUntil: 'commit' });
		const box = page.getByLabel('Nội dung', { exact: true });
		await box.waitFor();
		const text = uniqueText('Em gõ trước khi trang tải xong');
		await page.getByRole('radio', { name: 'Thông điệp', exact: true }).check();
		await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: 'Bảo vệ trẻ em trên môi trường mạng' });
		await box.fill(text);
		release();
		await hydrated(page);
		await expectOnline(page);

		await expect(box).toHaveValue(text);
		await expect(page.getByRole('radio', { name: 'Thông điệp', exact: true })).toBeChecked();
		await expect(page.getByLabel('Chủ đề', { exact: true }).locator('option:checked')).toHaveText('Bảo vệ trẻ em trên môi trường mạng');
		// The counter follows the text typed before hydration.
		await expect(page.getByTestId('chars-left')).toHaveText(`Còn ${500 - text.length} ký tự`);

		// Sent by the live channel (no page load), once, as what the child chose.
		let posts = 0;
		page.on('request', (request) => request.method() === 'POST' && request.url().includes('?/submit') && posts++);
		await page.getByRole('button', { name: 'Gửi', exact: true }).click();
		const mine = cards(page, 'mine', text);
		await expect(mine).toHaveCount(1);
		await expect(mine).toContainText('Thông điệp');
		await expect(mine).toContainText('Bảo vệ trẻ em trên môi trường mạng');
		await expect(box).toHaveValue('');
		await page.reload();
		await expectOnline(page);
		await expect(cards(page, 'mine', text)).toHaveCount(1);
		expect(posts).toBe(0);
	} finally {
		await context.close();
	}
});
