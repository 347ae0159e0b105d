import { expect, test } from '@playwright/test';
import { organiserPage } from './staff-helpers';

/**
 * The organiser's event setup in the browser: a run of show and a topic→agency mapping, an edit
 * that keeps everything else, next year's forum copied from this one, and a forged cross-site
 * form refused and logged.
 */
test('an organiser sets up, edits and copies a forum', async ({ browser }) => {
	const organiser = await organiserPage(browser);
	await organiser.getByRole('link', { name: 'Tạo diễn đàn mới' }).click();
	await organiser.getByLabel('Tên diễn đàn').fill('Diễn đàn trẻ em xã Tri Lễ 2025');
	await organiser.getByLabel('Cơ quan trả lời (mỗi dòng một cơ quan)').fill('Trạm Y tế xã\nCông an xã');
	await organiser.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)').fill('Sức khỏe học đường | Trạm Y tế xã\nAn toàn giao thông | Sở Y tế');
	await organiser.getByLabel('Các đoàn (mỗi dòng một đoàn)').fill('Thôn Nà Pàn\nThôn Bản Quyền');
	await organiser.getByLabel(/^Chương trình/).fill('Văn nghệ chào mừng | 10 | Đội văn nghệ\nĐối thoại | 45 | MC');
	await organiser.getByRole('button', { name: 'Tạo diễn đàn' }).click();

	// An agency that is not in the list is named in a clear message, and what was typed stays.
	await expect(organiser.getByRole('alert')).toContainText('không có trong danh sách cơ quan');
	await expect(organiser.getByLabel('Các đoàn (mỗi dòng một đoàn)')).toHaveValue('Thôn Nà Pàn\nThôn Bản Quyền');
	await organiser.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)').fill('Sức khỏe học đường | Trạm Y tế xã\nAn toàn giao thông | Công an xã');
	await organiser.getByRole('button', { name: 'Tạo diễn đàn' }).click();

	await expect(organiser.getByRole('heading', { name: 'Diễn đàn trẻ em xã Tri Lễ 2025' })).toBeVisible();
	const eventUrl = organiser.url();
	await expect(organiser.getByTestId('event-agenda')).toContainText('Đối thoại — 45 phút · MC');

	// Edit: a new delegation and a longer follow-up period; the rest stays as it was.
	await organiser.getByRole('link', { name: 'Sửa thông tin diễn đàn' }).click();
	await expect(organiser.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)')).toHaveValue(
		'Sức khỏe học đường | Trạm Y tế xã\nAn toàn giao thông | Công an xã'
	);
	await organiser.getByLabel('Các đoàn (mỗi dòng một đoàn)').fill('Thôn Nà Pàn\nThôn Bản Quyền\nThôn Khòn Nà');
	await organiser.getByLabel('Hạn cơ quan trả lời sau diễn đàn (số ngày)').fill('45');
	await organiser.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã lưu thay đổi.');
	await organiser.getByRole('link', { name: 'Sửa thông tin diễn đàn' }).click();
	await expect(organiser.getByLabel('Hạn cơ quan trả lời sau diễn đàn (số ngày)')).toHaveValue('45');
	await expect(organiser.getByLabel(/^Chương trình/)).toHaveValue('Văn nghệ chào mừng | 10 | Đội văn nghệ\nĐối thoại | 45 | MC');

	// Next year's forum starts from this one.
	await organiser.goto(eventUrl);
	await organiser.getByRole('link', { name: 'Tạo diễn đàn năm sau từ diễn đàn này' }).click();
	await expect(organiser.getByText('Sao chép từ: Diễn đàn trẻ em xã Tri Lễ 2025')).toBeVisible();
	await expect(organiser.getByLabel('Các đoàn (mỗi dòng một đoàn)')).toHaveValue('Thôn Nà Pàn\nThôn Bản Quyền\nThôn Khòn Nà');
	await organiser.getByLabel('Tên diễn đàn').fill('Diễn đàn trẻ em xã Tri Lễ 2026');
	await organiser.getByRole('button', { name: 'Tạo diễn đàn' }).click();
	await expect(organiser.getByRole('heading', { name: 'Diễn đàn trẻ em xã Tri Lễ 2026' })).toBeVisible();
	await expect(organiser.getByTestId('event-agenda')).toContainText('Văn nghệ chào mừng');
	expect(organiser.url()).not.toBe(eventUrl);

	// A form posted from another site is refused, changes nothing, and is logged.
	const forged = await organiser.request.post(`${eventUrl}/edit`, {
		form: { title: 'Bị sửa trộm', level: 'commune', topics: 'X', delegations: 'Y' },
		headers: { origin: 'http://evil.example', accept: 'text/html' }
	});
	expect(forged.status()).toBe(403);
	expect(await forged.text()).toContain('gửi từ một trang khác');
	await organiser.goto(eventUrl);
	await expect(organiser.getByRole('heading', { name: 'Diễn đàn trẻ em xã Tri Lễ 2025' })).toBeVisible();
	// A forged session cookie gets the sign-in page, and the attempt is logged too.
	const forger = await browser.newContext();
	const forgedSession = await forger.request.get('/staff', {
		headers: { cookie: `dd_staff=${'a'.repeat(32)}` },
		maxRedirects: 0
	});
	expect(forgedSession.status()).toBe(303);
	expect(forgedSession.headers()['location']).toMatch(/^\/login/);
	await organiser.goto('/staff/log');
	await expect(organiser.getByTestId('audit-log').getByRole('row').filter({ hasText: 'session /staff' }).first()).toContainText(
		'Phiên đăng nhập không hợp lệ'
	);
	await expect(organiser.getByTestId('audit-log').getByRole('row').filter({ hasText: '/edit' })).toContainText('gửi từ một trang khác');
});
