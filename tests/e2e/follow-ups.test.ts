import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { expect, test, type Page } from '@playwright/test';
import { expectOnline, hydrated, newPhone } from './helpers';
import { accept, createForum, invite, organiserPage } from './staff-helpers';

/**
 * After the day: a leader answers one item and hands another over; the agency's follow-up officer
 * later reports it cannot be done yet, with the reason; the child and the public outcome page are
 * told; the organiser's Word and Excel files say the same.
 */
const AGENCY = 'Phòng Giáo dục và Đào tạo';
const TOPIC = 'Trường học';

async function sendQuestion(phone: Page, text: string) {
	await phone.getByRole('radio', { name: 'Câu hỏi', exact: true }).check();
	await phone.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC });
	await phone.getByLabel('Nội dung', { exact: true }).fill(text);
	await phone.getByRole('button', { name: 'Gửi', exact: true }).click();
	await expect(phone.getByTestId('mine').getByTestId('submission').filter({ hasText: text })).toBeVisible();
}

test('a leader answers and hands over; the officer reports back; the child, the public page and the reports show it', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const organiser = await organiserPage(browser);
	const { eventUrl, code } = await createForum(organiser, {
		title: 'Diễn đàn trẻ em xã Tân Đoàn 2025',
		agencies: [AGENCY, 'Công an xã'],
		topics: [`${TOPIC} | ${AGENCY}`, 'Giao thông | Công an xã'],
		delegations: ['Thôn Pò Khoang', 'Thôn Bản Cằm'],
		moderation: false
	});

	const stamp = Date.now().toString(36);
	const leader = await accept(browser, await invite(organiser, 'Lãnh đạo, cơ quan trả lời', AGENCY), `gd-${stamp}`, 'Trưởng phòng Giáo dục');
	const officer = await accept(browser, await invite(organiser, 'Cán bộ theo dõi', AGENCY), `td-${stamp}`, 'Cán bộ Giáo dục');

	const { page: phone } = await newPhone(browser);
	await phone.goto(`/j/${code}`);
	await hydrated(phone);
	await phone.getByRole('radio', { name: 'Thôn Pò Khoang', exact: true }).check();
	await phone.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expectOnline(phone);
	const first = 'Khi nào trường em có phòng máy tính?';
	const second = 'Vì sao trường em chưa có nhà đa năng?';
	await sendQuestion(phone, first);
	await sendQuestion(phone, second);

	// On the day: the leader answers one and hands the other over.
	await leader.goto(`${eventUrl}/leader`);
	const items = leader.getByTestId('leader-item');
	await items.filter({ hasText: first }).getByRole('button', { name: 'Đã trả lời' }).click();
	await leader.getByLabel('Tóm tắt câu trả lời (một dòng)').fill('Năm học tới trường sẽ có phòng máy tính.');
	await leader.getByRole('button', { name: 'Lưu: đã trả lời' }).click();
	await expect(leader.getByRole('status')).toContainText('Đã ghi: đã trả lời.');
	await items.filter({ hasText: second }).getByRole('button', { name: 'Cần theo dõi, trả lời sau' }).click();
	await leader.getByLabel('Ghi chú').fill('Cần khảo sát quỹ đất');
	await leader.getByRole('button', { name: 'Chuyển thành việc theo dõi' }).click();
	await expect(leader.getByRole('status')).toContainText('Đã chuyển thành việc theo dõi.');
	await expect(phone.getByTestId('mine').getByTestId('submission').filter({ hasText: first })).toContainText(
		'Năm học tới trường sẽ có phòng máy tính.'
	);

	// Later: the officer sees only their agency's follow-up and reports it cannot be done yet.
	await officer.goto('/staff/follow-ups');
	await officer.getByTestId('tracking-list').getByRole('link', { name: second }).click();
	await officer.waitForURL(/\/staff\/follow-ups\/[0-9a-f-]{36}$/);
	await hydrated(officer);
	await officer.getByLabel('Tình trạng').selectOption({ label: 'Chưa thực hiện được' });
	await officer.getByLabel('Nội dung trả lời cho trẻ em').fill('Năm nay xã chưa xây được nhà đa năng.');
	await officer.getByRole('button', { name: 'Lưu cập nhật' }).click();
	// The reason is required: a clear message, nothing changed.
	await expect(officer.getByRole('alert')).toContainText('cần ghi lý do');
	await expect(officer.getByTestId('followup-status')).toHaveText('Chưa xử lý');
	await officer.getByLabel('Lý do (khi chưa thực hiện được)').fill('Chưa có quỹ đất và kinh phí');
	await officer.getByLabel('Hướng giải quyết tiếp theo').fill('Đề xuất vào kế hoạch đầu tư năm 2027');
	await officer.getByRole('button', { name: 'Lưu cập nhật' }).click();
	await expect(officer.getByTestId('followup-status')).toHaveText('Chưa thực hiện được');
	await expect(officer.getByTestId('followup-history')).toContainText('Cán bộ Giáo dục');

	// The child is told, live, in "my questions".
	const mine = phone.getByTestId('mine').getByTestId('submission').filter({ hasText: second });
	await expect(mine.getByTestId('outcome')).toContainText('Chưa thực hiện được');
	await expect(mine.getByTestId('outcome')).toContainText('Chưa có quỹ đất và kinh phí');

	// The public outcome page, without an account.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/ket-qua/${code}`);
	const outcome = visitor.getByTestId('outcome-list');
	await expect(outcome).toContainText('Năm học tới trường sẽ có phòng máy tính.');
	await expect(outcome).toContainText('Đề xuất vào kế hoạch đầu tư năm 2027');

	// The organiser's files, read back.
	await organiser.goto(eventUrl);
	const [docxDownload] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('link', { name: 'Báo cáo (Word)' }).click()]);
	const docx = await JSZip.loadAsync(await readFile((await docxDownload.path())!));
	const body = await docx.file('word/document.xml')!.async('string');
	expect(body).toContain('Diễn đàn trẻ em xã Tân Đoàn 2025');
	expect(body).toContain('Năm học tới trường sẽ có phòng máy tính.');
	expect(body).toContain('Chưa thực hiện được');
	const [xlsxDownload] = await Promise.all([
		organiser.waitForEvent('download'),
		organiser.getByRole('link', { name: 'Danh sách ý kiến (Excel)' }).click()
	]);
	const rows = await readSheet(await readFile((await xlsxDownload.path())!));
	const secondRow = rows.find((row) => row[5] === second);
	expect(secondRow).toBeDefined();
	expect(secondRow).toContain('Chưa thực hiện được');
	expect(secondRow).toContain('Chưa có quỹ đất và kinh phí');
});
