import { expect, test, type Page } from '@playwright/test';
import { expectOnline, hydrated } from './helpers';
import { accept, createForum, invite, LAPTOP, organiserPage } from './staff-helpers';

/**
 * A staff member changes their password on the account page (current one, the new one twice, the
 * strength rule): every other session ends and its open console closes; this browser stays in.
 * An organiser resets another member's access to their forum: signed out, role gone, a new link.
 */
const OLD = 'mat-khau-can-bo-2024';
const NEW = 'mot cau de nho cua Hoa 2025';

async function signIn(page: Page, username: string, password: string) {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('a password change ends the other sessions and closes their consoles; an organiser can reset access', async ({ browser }) => {
	const organiser = await organiserPage(browser);
	const { eventUrl } = await createForum(organiser, {
		title: 'Diễn đàn hè Tràng Định 2025',
		topics: ['Sân chơi'],
		delegations: ['Xã Đại Đồng']
	});
	const username = `mc.${crypto.randomUUID().slice(0, 6)}`;
	const laptop = await accept(browser, await invite(organiser, 'Người dẫn chương trình / điều phối'), username, 'Nông Thị Hoa');

	// The same moderator on a second laptop, with the console open.
	const second = await (await browser.newContext(LAPTOP)).newPage();
	await signIn(second, username, OLD);
	await expect(second.getByRole('heading', { name: 'Xin chào, Nông Thị Hoa' })).toBeVisible();
	await second.goto(`${eventUrl}/console`);
	await hydrated(second);
	await expectOnline(second);

	await laptop.getByRole('link', { name: 'Đổi mật khẩu', exact: true }).click();
	await expect(laptop.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 })).toBeVisible();
	await hydrated(laptop);
	await expect(laptop.getByText('Ít nhất 10 ký tự, ít nhất 5 ký tự khác nhau')).toBeVisible();
	const change = async (current: string, next: string, repeat = next) => {
		await laptop.getByLabel('Mật khẩu hiện tại').fill(current);
		await laptop.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
		await laptop.getByLabel('Nhập lại mật khẩu mới').fill(repeat);
		await laptop.getByRole('button', { name: 'Đổi mật khẩu', exact: true }).click();
	};
	await change('khong-phai-mat-khau', NEW);
	await expect(laptop.getByRole('alert')).toHaveText('Mật khẩu hiện tại không đúng.');
	await change(OLD, NEW, `${NEW}!`);
	await expect(laptop.getByRole('alert')).toHaveText('Hai lần nhập mật khẩu mới không giống nhau.');
	await change(OLD, `${username}-2025`);
	await expect(laptop.getByRole('alert')).toContainText('Mật khẩu quá dễ đoán');
	await change(OLD, 'aaaaaaaaaaaa');
	await expect(laptop.getByRole('alert')).toContainText('Mật khẩu quá dễ đoán');
	// The second laptop still works after all these refusals.
	await expectOnline(second);

	await change(OLD, NEW);
	await expect(laptop.getByRole('status')).toHaveText('Đã đổi mật khẩu. Mọi phiên đăng nhập khác đã kết thúc.');
	// The other laptop's open console is closed at once, and its pages ask to sign in again.
	await expect(second.getByText('Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.')).toBeVisible();
	await second.goto('/staff');
	await expect(second).toHaveURL(/\/login$/);
	// This laptop got a fresh session.
	await laptop.goto('/staff');
	await expect(laptop.getByRole('heading', { name: 'Xin chào, Nông Thị Hoa' })).toBeVisible();

	// The old password no longer works; the new one does.
	await signIn(second, username, OLD);
	await expect(second.getByRole('alert')).toBeVisible();
	await expect(second).toHaveURL(/\/login/);
	await signIn(second, username, NEW);
	await expect(second.getByRole('heading', { name: 'Xin chào, Nông Thị Hoa' })).toBeVisible();

	// The organiser resets the moderator's access: both laptops are signed out, a new link is made.
	await organiser.goto(eventUrl);
	await hydrated(organiser);
	await organiser.getByRole('button', { name: `Đặt lại quyền truy cập: ${username}` }).click();
	await expect(organiser.getByText(`Đã đặt lại quyền của ${username}.`)).toBeVisible();
	const link = await organiser.getByTestId('reset-link').inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await expect(organiser.getByTestId('event-staff')).not.toContainText(username);
	await laptop.goto('/staff');
	await expect(laptop).toHaveURL(/\/login$/);

	// Signed in again, the moderator has no role until the new link is taken.
	await signIn(laptop, username, NEW);
	await expect(laptop.getByRole('heading', { name: 'Xin chào, Nông Thị Hoa' })).toBeVisible();
	await expect(laptop.getByText('Diễn đàn hè Tràng Định 2025')).toHaveCount(0);
	await laptop.goto(link);
	await hydrated(laptop);
	await laptop.getByRole('button', { name: 'Nhận lời mời' }).click();
	await expect(laptop.getByTestId('staff-events')).toContainText('Diễn đàn hè Tràng Định 2025');
});

test('signing out closes the console open in another tab of that session at once', async ({ browser }) => {
	const organiser = await organiserPage(browser);
	const { eventUrl } = await createForum(organiser, { title: 'Diễn đàn đăng xuất Bình Gia 2025', topics: ['Sân chơi'], delegations: ['Xã Hoa Thám'] });
	const console_ = await organiser.context().newPage();
	await console_.goto(`${eventUrl}/console`);
	await hydrated(console_);
	await expectOnline(console_);
	await organiser.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	await expect(organiser).toHaveURL(/\/login$/);
	await expect(console_.getByText('Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.')).toBeVisible();
});
