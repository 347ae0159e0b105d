import { expect, test } from '@playwright/test';
import { DEMO_CODE } from './env';
import { cards, expectOnline, joinForum, newPhone, newScreen, screenEntry, screenPath, submitItem, TOPICS, uniqueText } from './helpers';

test('a question travels live from one phone to another phone and the screen, and votes come back', async ({ browser }) => {
	const screen = await newScreen(browser);
	const phoneA = await newPhone(browser);
	const phoneB = await newPhone(browser);
	try {
		await screen.page.goto(screenPath());
		await expect(screen.page.getByTestId('join-code')).toHaveText(DEMO_CODE);
		const joinUrl = screen.page.getByTestId('join-url');
		await expect(joinUrl).toHaveText(new RegExp(`/j/${DEMO_CODE}$`));
		// The QR code's link carries the join key that is never throttled.
		await expect(screen.page.getByRole('img', { name: /\/j\/VQ24\?k=[a-z2-7]{26}$/ }).locator('svg')).toBeVisible();

		// Phone A types what the big screen shows.
		await phoneA.page.goto(`http://${await joinUrl.textContent()}`);
		await joinForum(phoneA.page, 'Xã Tràng Các', 'Sóc Nâu');
		// Phone B is already in the room, in another delegation, before A asks.
		await joinForum(phoneB.page, 'Xã Vĩnh Lại');

		const text = uniqueText('Vì sao sân chơi của xã em chưa có đèn?');
		await submitItem(phoneA.page, { text, topic: TOPICS.play, kind: 'Câu hỏi' });
		await expect(phoneA.page.getByRole('status').filter({ hasText: 'Đã gửi!' })).toBeVisible();

		const mineOnA = cards(phoneA.page, 'mine', text);
		await expect(mineOnA).toHaveCount(1);
		await expect(mineOnA).toContainText(TOPICS.play);
		await expect(mineOnA).toContainText('Câu hỏi');
		await expect(mineOnA.getByRole('button', { name: /bình chọn/i })).toHaveCount(0); // nobody upvotes themselves
		await expect(mineOnA.getByTestId('votes')).toHaveText('0');

		// B sees it arrive without reloading, with its author's delegation.
		const onB = cards(phoneB.page, 'feed', text);
		await expect(onB).toHaveCount(1);
		await expect(onB).toContainText('Đoàn Xã Tràng Các');
		const voteB = onB.getByRole('button');
		await expect(voteB).toHaveAttribute('aria-pressed', 'false');
		await expect(onB.getByTestId('votes')).toHaveText('0');

		const onScreen = screenEntry(screen.page, text);
		await expect(onScreen).toHaveCount(1);
		await expect(onScreen.getByTestId('votes')).toHaveText('0');

		// B upvotes: everyone sees 1.
		await voteB.tap();
		await expect(voteB).toHaveAttribute('aria-pressed', 'true');
		await expect(onB.getByTestId('votes')).toHaveText('1');
		await expect(mineOnA.getByTestId('votes')).toHaveText('1');
		await expect(cards(phoneA.page, 'feed', text).getByTestId('votes')).toHaveText('1');
		await expect(onScreen.getByTestId('votes')).toHaveText('1');
		// The most upvoted item leads the screen.
		await expect(screen.page.getByTestId('screen-lead')).toContainText(text);

		// B taps again: the vote is withdrawn everywhere.
		await voteB.tap();
		await expect(voteB).toHaveAttribute('aria-pressed', 'false');
		await expect(onB.getByTestId('votes')).toHaveText('0');
		await expect(mineOnA.getByTestId('votes')).toHaveText('0');
		await expect(cards(phoneA.page, 'feed', text).getByTestId('votes')).toHaveText('0');
		await expect(onScreen.getByTestId('votes')).toHaveText('0');

		// All of it was stored, not just broadcast: a fresh load of each page agrees.
		await phoneB.page.reload();
		await expectOnline(phoneB.page);
		await expect(cards(phoneB.page, 'feed', text)).toHaveCount(1);
		await expect(cards(phoneB.page, 'feed', text).getByRole('button')).toHaveAttribute('aria-pressed', 'false');
		await expect(cards(phoneB.page, 'feed', text).getByTestId('votes')).toHaveText('0');
		await screen.page.reload();
		await expect(screenEntry(screen.page, text).getByTestId('votes')).toHaveText('0');
	} finally {
		await Promise.all([screen.context.close(), phoneA.context.close(), phoneB.context.close()]);
	}
});

test('the projection screen counts the children who joined', async ({ browser }) => {
	const screen = await newScreen(browser);
	const phone = await newPhone(browser);
	try {
		await screen.page.goto(screenPath());
		const counts = screen.page.getByTestId('counts');
		await expect(counts).toHaveText(/(\d+) bạn đã tham gia/);
		const before = Number((await counts.textContent())?.match(/(\d+) bạn đã tham gia/)?.[1]);
		// Wait for the screen's socket, or the join below could be broadcast before it listens.
		await expect(screen.page.getByText('Đang kết nối lại…')).toHaveCount(0);

		await joinForum(phone.page, 'Xã Tân Đoàn');
		await expect(counts).toContainText(`${before + 1} bạn đã tham gia`);
	} finally {
		await Promise.all([screen.context.close(), phone.context.close()]);
	}
});
