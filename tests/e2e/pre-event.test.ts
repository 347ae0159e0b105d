import { expect, test } from '@playwright/test';
import { hydrated, newPhone, newScreen } from './helpers';
import { accept, createForum, invite, organiserPage } from './staff-helpers';

/**
 * Before the day and on it: a chaperone sends the delegation's items through a private link, the
 * organiser sees who has sent what, a leader prepares, and on the day the MC puts one on screen.
 */
test('a chaperone’s items sent ahead reach the organiser, the agency’s leader, and on the day the screen', async ({ browser }) => {
	test.setTimeout(120_000);
	const organiser = await organiserPage(browser);
	const title = `Diễn đàn gửi trước ${Date.now().toString(36)}`;
	const { screenHref } = await createForum(organiser, { title, delegations: ['Xã Tri Lễ', 'Xã Hữu Lễ'] });
	const eventUrl = organiser.url();
	const leaderLink = await invite(organiser, 'Lãnh đạo, cơ quan trả lời', 'UBND xã');

	await organiser.getByRole('link', { name: 'Ý kiến gửi trước' }).click();
	await organiser.waitForURL(/\/pre-event$/);
	await hydrated(organiser);
	const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 16);
	await organiser.getByLabel(/^Hạn gửi/).fill(tomorrow);
	await organiser.getByLabel('Số ý kiến tối đa mỗi đoàn').fill('2');
	await organiser.getByRole('checkbox', { name: /Cho lãnh đạo các cơ quan xem/ }).check({ timeout: 10_000 });
	await organiser.getByRole('button', { name: 'Lưu cài đặt' }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã lưu cài đặt');
	const triLe = organiser.getByTestId('pre-delegation').filter({ hasText: 'Xã Tri Lễ' });
	await triLe.getByRole('button', { name: 'Tạo đường dẫn' }).click();
	const link = await organiser.getByTestId('chaperone-link').inputValue();
	expect(link).toMatch(/\/gui-truoc\/[a-z2-7]{32}$/);

	// The chaperone, on a phone with no account: two items, the third is over the limit.
	const chaperone = (await newPhone(browser)).page;
	await chaperone.goto(link);
	await expect(chaperone.getByRole('heading', { name: 'Gửi ý kiến trước diễn đàn' })).toBeVisible();
	const question = 'Vì sao đường vào trường chưa có đèn chiếu sáng?';
	const sendItem = async (text: string, agency?: string) => {
		const form = chaperone.locator('form[action="?/send"]');
		await form.getByLabel('Nội dung').fill(text);
		// A topic no agency answers by default: without a named agency, the item is nobody's yet.
		if (!agency) await form.getByLabel('Chủ đề').selectOption({ label: 'An toàn giao thông' });
		if (agency) await form.getByLabel('Gửi tới cơ quan (không bắt buộc)').selectOption({ label: agency });
		await form.getByRole('button', { name: 'Gửi ý kiến' }).click();
	};
	await sendItem(question, 'UBND xã');
	await expect(chaperone.getByRole('status').first()).toContainText('Đã ghi nhận ý kiến');
	await sendItem('Đề nghị xã mở thêm lớp học bơi mùa hè');
	await expect(chaperone.getByTestId('pre-item')).toHaveCount(2);
	await expect(chaperone.getByTestId('pre-count')).toContainText('2/2');
	// Over the limit: refused with a clear message, nothing added.
	await sendItem('Một ý kiến nữa');
	await expect(chaperone.getByRole('alert')).toContainText('gửi đủ số ý kiến');
	await expect(chaperone.getByTestId('pre-item')).toHaveCount(2);

	// Changed before the deadline.
	const second = chaperone.getByTestId('pre-item').filter({ hasText: 'lớp học bơi' });
	await second.getByText('Sửa').click();
	await second.getByLabel('Nội dung').fill('Đề nghị xã mở lớp dạy bơi miễn phí mùa hè');
	await second.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(chaperone.getByTestId('pre-items')).toContainText('lớp dạy bơi miễn phí');

	// The organiser sees them by agency, and who has not sent anything yet.
	await organiser.reload();
	await expect(organiser.getByTestId('pre-by-agency')).toContainText(question);
	await expect(organiser.getByTestId('pre-delegation').filter({ hasText: 'Xã Hữu Lễ' })).toContainText('chưa gửi');
	await expect(triLe).toContainText('2');

	// The agency's leader prepares.
	const leader = await accept(browser, leaderLink, `ld-${Date.now().toString(36)}`, 'Chủ tịch UBND xã');
	await leader.goto(`${eventUrl}/leader`);
	await expect(leader.getByTestId('leader-sent-ahead')).toContainText(question);
	await expect(leader.getByTestId('leader-sent-ahead')).not.toContainText('lớp dạy bơi');

	// On the day: the MC approves it, queues it and puts it on the screen.
	const screen = (await newScreen(browser)).page;
	await screen.goto(screenHref);
	await organiser.goto(`${eventUrl}/console`);
	await expect(organiser.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const incoming = organiser.getByTestId('console-incoming').getByTestId('console-item').filter({ hasText: question });
	await expect(incoming.getByTestId('pre-submitted')).toBeVisible();
	await incoming.focus();
	await organiser.keyboard.press('a');
	const approved = organiser.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: question });
	await approved.focus();
	await organiser.keyboard.press('q');
	await expect(organiser.getByTestId('console-queue')).toContainText(question, { timeout: 20_000 });
	const queued = organiser.getByTestId('console-queue').getByTestId('console-item').filter({ hasText: question });
	await queued.focus();
	await organiser.keyboard.press('s');
	await expect(screen.getByTestId('screen-current')).toContainText(question);
	await expect(screen.getByTestId('screen-current')).toContainText('Xã Tri Lễ');

	// Revoked: the link stops working, with a clear page.
	await organiser.goto(`${eventUrl}/pre-event`);
	await triLe.getByRole('button', { name: 'Thu hồi' }).click();
	await expect(triLe).toContainText('Chưa có');
	await chaperone.goto(link);
	await expect(chaperone.getByRole('heading', { name: 'Đường dẫn không dùng được' })).toBeVisible();
});
