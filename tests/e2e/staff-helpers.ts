import { expect, type Browser, type Page } from '@playwright/test';
import { hydrated } from './helpers';

/** The e2e run's organiser account: made on the one-time setup page by whichever test comes first. */
export const ORGANISER = { username: 'btc.vanquan', name: 'Hoàng Văn Bình', password: 'dien-dan-2024-van-quan' };
export const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** Signs the organiser in on this page, creating the account first when the server has none. */
export async function signInOrganiser(page: Page) {
	await page.goto('/login');
	await hydrated(page);
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

/** On an event's page: creates a one-time invitation link for a role (and agency). */
export async function invite(page: Page, role: string, agency?: string): Promise<string> {
	await page.getByLabel('Vai trò').selectOption({ label: role });
	await page.getByLabel('Cơ quan (cho lãnh đạo và cán bộ theo dõi)').selectOption(agency ? { label: agency } : { index: 0 });
	await page.getByRole('button', { name: 'Tạo đường dẫn mời' }).click();
	const link = page.getByTestId('invite-link');
	await expect(link).toHaveValue(/\/invite\/[a-z2-7]{32}$/);
	return link.inputValue();
}

/** Opens an invitation link in a fresh browser and creates the account it invites. */
export async function accept(browser: Browser, link: string, username: string, name: string): Promise<Page> {
	const page = await (await browser.newContext(LAPTOP)).newPage();
	await page.goto(link);
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Họ và tên').fill(name);
	await page.getByLabel('Mật khẩu').fill('mat-khau-can-bo-2024');
	await page.getByRole('button', { name: 'Nhận lời mời' }).click();
	await expect(page.getByRole('heading', { name: `Xin chào, ${name}` })).toBeVisible();
	return page;
}

/**
 * Creates a small forum of its own from the organiser's start page, so a test's polls, queue and
 * screen are not shared with other tests; returns its join code and projection-screen link.
 */
/** What an organiser types into the new-forum form; left out, a field keeps a plain default. */
export interface ForumFields {
	title: string;
	delegations: string[];
	agencies?: string[];
	/** `name` or `name | agency`, one per topic. */
	topics?: string[];
	/** `title | minutes | who`, one per agenda item. */
	agenda?: string[];
	theme?: string;
	level?: 'commune' | 'district' | 'province';
	/** Moderation is on by default, as the form has it. */
	moderation?: boolean;
}

/** Creates a forum through the real form; the page ends on the forum's page. */
export async function createForum(page: Page, fields: ForumFields): Promise<{ code: string; screenHref: string; eventUrl: string; eventId: string }> {
	await page.goto('/staff');
	await page.getByRole('link', { name: 'Tạo diễn đàn mới' }).click();
	await page.waitForURL(/\/staff\/events\/new$/);
	await hydrated(page);
	await page.getByLabel('Tên diễn đàn').fill(fields.title);
	if (fields.level) await page.getByLabel('Cấp tổ chức').selectOption(fields.level);
	if (fields.theme) await page.getByLabel('Chủ đề năm').fill(fields.theme);
	await page.getByLabel('Cơ quan trả lời (mỗi dòng một cơ quan)').fill((fields.agencies ?? ['UBND xã', 'Trường THCS']).join('\n'));
	await page.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)').fill((fields.topics ?? ['Sân chơi và thư viện | UBND xã', 'An toàn giao thông']).join('\n'));
	await page.getByLabel('Các đoàn (mỗi dòng một đoàn)').fill(fields.delegations.join('\n'));
	if (fields.agenda) await page.getByLabel(/^Chương trình/).fill(fields.agenda.join('\n'));
	if (fields.moderation === false) await page.getByText('Duyệt ý kiến trước khi hiện (khuyến nghị)').click();
	await page.getByRole('button', { name: 'Tạo diễn đàn' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fields.title);
	const eventUrl = page.url();
	const code = (await page.getByText(/^[2-9A-Z]{5,7} ·/).first().textContent())!.split(' ')[0];
	return { code, screenHref: (await page.getByTestId('screen-link').getAttribute('href'))!, eventUrl, eventId: new URL(eventUrl).pathname.split('/').pop()! };
}
