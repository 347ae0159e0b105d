import { expect, test, type Locator, type Page } from '@playwright/test';
import { cards, joinAt, newScreen, uniqueText } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/**
 * One number per item, wherever the hall sees it: while children vote on the question being
 * discussed, the screen's "▲ n" under it, the screen's lists, the MC's stage and the MC's cards all
 * move together and end on the same count (the stage used to keep the count it was shown with).
 */
const TOPIC = 'Sân chơi và thư viện';

async function ask(phone: Page, text: string) {
	await phone.getByRole('radio', { name: 'Câu hỏi', exact: true }).check();
	await phone.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC });
	await phone.getByLabel('Nội dung', { exact: true }).fill(text);
	await phone.getByRole('button', { name: 'Gửi', exact: true }).click();
	await expect(cards(phone, 'mine', text)).toBeVisible();
}

async function vote(phone: Page, text: string, voted = true) {
	const button = cards(phone, 'feed', text).getByRole('button');
	await button.tap();
	await expect(button).toHaveAttribute('aria-pressed', String(voted));
}

const votes = (where: Locator) => where.getByTestId('votes');

test('the count of the question on screen moves with the votes, the same on the screen and the console', async ({ browser }) => {
	test.setTimeout(120_000);
	const mc = await organiserPage(browser);
	const { code, screenHref } = await createForum(mc, { title: `Diễn đàn đếm phiếu ${Date.now().toString(36)}`, delegations: ['Thôn Khuổi Ky', 'Thôn Bản Giốc'] });
	const screen = (await newScreen(browser)).page;
	await screen.goto(screenHref);
	await expect(screen.getByTestId('join-code')).toHaveText(code);
	const author = await joinAt(browser, code, 'Thôn Khuổi Ky');
	const voters = [await joinAt(browser, code, 'Thôn Bản Giốc'), await joinAt(browser, code, 'Thôn Khuổi Ky'), await joinAt(browser, code, 'Thôn Bản Giốc')];

	await mc.getByRole('link', { name: 'Mở bàn điều phối' }).click();
	await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	// Two questions, approved from the keyboard; the first on screen (S), the second queued next (Q).
	const onStage = uniqueText('Vì sao thư viện xã đóng cửa vào cuối tuần?');
	const queued = uniqueText('Xã có thể làm thêm sân bóng cho bạn gái không?');
	for (const text of [onStage, queued]) {
		await ask(author, text);
		const incoming = mc.getByTestId('console-incoming').getByTestId('console-item').filter({ hasText: text });
		await incoming.focus();
		await mc.keyboard.press('a');
		await expect(mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: text })).toBeVisible();
	}
	await mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: queued }).focus();
	await mc.keyboard.press('q');
	const queueCard = mc.getByTestId('console-queue').getByTestId('console-item').filter({ hasText: queued });
	await expect(queueCard).toBeVisible();
	await mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: onStage }).focus();
	await mc.keyboard.press('s');

	const screenStage = screen.getByTestId('screen-current');
	const screenNext = screen.getByTestId('screen-next').getByTestId('screen-next-item').filter({ hasText: queued });
	const consoleStage = mc.getByTestId('console-stage');
	await expect(screenStage).toContainText(onStage);
	await expect(screenNext).toBeVisible();
	await expect(consoleStage).toContainText(onStage);
	for (const phone of voters) await expect(phone.getByTestId('phone-on-screen')).toContainText(onStage);
	await expect(votes(screenStage)).toHaveText('0');

	// The hall votes while the question is discussed: three on it, two on the next one.
	for (const phone of voters) await vote(phone, onStage);
	await vote(voters[0], queued);
	await vote(voters[1], queued);
	await expect(votes(screenStage)).toHaveText('3');
	await expect(votes(consoleStage)).toHaveText('3');
	await expect(votes(screenNext)).toHaveText('2');
	await expect(votes(queueCard)).toHaveText('2');

	// One child changes their mind: the number goes down on stage too.
	await vote(voters[2], onStage, false);
	await expect(votes(screenStage)).toHaveText('2');
	await expect(votes(consoleStage)).toHaveText('2');
	for (const phone of [author, ...voters]) await expect(votes(cards(phone, 'feed', onStage))).toHaveText('2');

	// Off the screen, the screen's top list and the MC's approved list show the same final counts.
	await consoleStage.getByRole('button', { name: 'Tắt câu hỏi' }).click();
	await expect(screenStage).toHaveCount(0);
	const onTop = screen.locator('[data-testid=screen-lead], [data-testid=screen-item]');
	await expect(votes(onTop.filter({ hasText: onStage }))).toHaveText('2');
	await expect(votes(onTop.filter({ hasText: queued }))).toHaveText('2');
	await expect(votes(mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: onStage }))).toHaveText('2');
	await expect(votes(queueCard)).toHaveText('2');

	// A fresh load of the screen agrees: what was shown live is what was stored.
	await screen.reload();
	await expect(votes(screen.locator('[data-testid=screen-lead], [data-testid=screen-item]').filter({ hasText: onStage }))).toHaveText('2');

	await Promise.all([mc, screen, author, ...voters].map((page) => page.context().close()));
});
