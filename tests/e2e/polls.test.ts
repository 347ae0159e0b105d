import { expect, test, type Page } from '@playwright/test';
import { joinAt, newScreen } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/** A poll run live: the MC's console, the projection screen and three children's phones at once. */

async function answer(phone: Page, option: string) {
	const card = phone.getByTestId('phone-poll');
	await card.getByRole('radio', { name: option, exact: true }).check();
	await card.getByRole('button', { name: /^(Gửi câu trả lời|Đổi câu trả lời)$/ }).click();
	await expect(card.getByRole('status')).toContainText('Đã ghi nhận');
}

const bar = (page: Page, label: string) => page.getByTestId('screen-poll').getByTestId('poll-option').filter({ hasText: label });

test('a poll opened on the console is answered on three phones; the screen’s bar chart counts them live', async ({ browser }) => {
	test.setTimeout(120_000);
	const mc = await organiserPage(browser);
	const delegations = ['Thôn Bản Ngoặc', 'Thôn Khòn Pàu', 'Thôn Pò Mỏ'];
	const { code, screenHref } = await createForum(mc, { title: `Thăm dò ý kiến ${Date.now().toString(36)}`, delegations });
	const screen = (await newScreen(browser)).page;
	await screen.goto(screenHref);
	const phones = await Promise.all(delegations.map((d) => joinAt(browser, code, d)));

	await mc.getByRole('link', { name: 'Mở bàn điều phối' }).click();
	await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const panel = mc.getByTestId('console-polls');
	await panel.getByText('Tạo cuộc thăm dò').click();
	await panel.getByLabel('Câu hỏi').fill('Xã nên làm gì trước cho trẻ em?');
	await panel.getByLabel('Kiểu').selectOption({ label: 'Chọn một' });
	await panel.getByLabel('Các lựa chọn (mỗi dòng một lựa chọn)').fill('Sân chơi\nThư viện\nBể bơi');
	await panel.getByRole('button', { name: 'Lưu cuộc thăm dò' }).click();
	const poll = panel.getByTestId('console-poll').filter({ hasText: 'Xã nên làm gì trước cho trẻ em?' });
	await expect(poll).toHaveAttribute('data-status', 'draft');
	// Not open yet: no phone shows it.
	await expect(phones[0].getByTestId('phone-poll')).toHaveCount(0);

	await poll.getByRole('button', { name: 'Mở', exact: true }).click();
	await poll.getByRole('button', { name: 'Chiếu kết quả' }).click();
	await expect(screen.getByTestId('screen-poll')).toContainText('Xã nên làm gì trước cho trẻ em?');
	await expect(bar(screen, 'Sân chơi')).toHaveAttribute('data-count', '0');

	await answer(phones[0], 'Sân chơi');
	await answer(phones[1], 'Sân chơi');
	await answer(phones[2], 'Thư viện');
	await expect(bar(screen, 'Sân chơi')).toHaveAttribute('data-count', '2');
	await expect(bar(screen, 'Thư viện')).toHaveAttribute('data-count', '1');
	await expect(screen.getByTestId('poll-results')).toHaveAttribute('data-answered', '3');

	// A child changes their mind: still three answers, the bars move.
	await answer(phones[1], 'Bể bơi');
	await expect(bar(screen, 'Sân chơi')).toHaveAttribute('data-count', '1');
	await expect(bar(screen, 'Bể bơi')).toHaveAttribute('data-count', '1');
	await expect(screen.getByTestId('poll-results')).toHaveAttribute('data-answered', '3');
	await expect(poll.getByTestId('poll-results')).toHaveAttribute('data-answered', '3');

	// Closed: the phones' forms go away (a late answer is refused by the server: tests/integration/polls.test.ts).
	await poll.getByRole('button', { name: 'Đóng', exact: true }).click();
	await expect(poll).toHaveAttribute('data-status', 'closed');
	await expect(phones[0].getByTestId('phone-poll').getByRole('button', { name: /câu trả lời/ })).toHaveCount(0);
	await expect(phones[0].getByTestId('phone-poll').getByTestId('poll-results')).toHaveAttribute('data-answered', '3');

	// Hidden again: the screen goes back to the hall's questions.
	await poll.getByRole('button', { name: 'Ẩn kết quả' }).click();
	await expect(screen.getByTestId('screen-poll')).toHaveCount(0);
});
