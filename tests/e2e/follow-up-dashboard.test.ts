import { readFile } from 'node:fs/promises';
import { readSheet } from 'read-excel-file/node';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AGENCY, DAY, forumWithFollowUp } from './follow-up-helpers';
import Database from 'better-sqlite3';
import { E2E_DATABASE_PATH } from './env';
import { hydrated } from './helpers';

/** True when the element's text sits on one line (an inline box that wraps has several rects). */
const onOneLine = (locator: Locator) => locator.evaluate((el) => el.getClientRects().length === 1);

async function openDetail(page: Page, text: string) {
	await page.getByTestId('tracking-list').getByRole('link', { name: text }).click();
	await page.waitForURL(/\/staff\/follow-ups\/[0-9a-f-]{36}$/);
	await hydrated(page);
}

test('the tracking list says what is open, whose and since when, exports it, and a save keeps its status', async ({ browser }) => {
	test.setTimeout(150_000);
	const { organiser, forum, text, officerName } = await forumWithFollowUp(browser);

	await organiser.goto(`/staff/follow-ups?event=${forum.eventId}`);
	// At a glance: the totals and one line per agency.
	const summary = organiser.getByTestId('tracking-summary');
	await expect(summary).toContainText('1 Tổng số');
	await expect(summary.getByTestId('total-overdue')).toHaveText('0 Quá hạn');
	const agencyRow = organiser.getByTestId('tracking-by-agency').getByRole('row', { name: new RegExp(AGENCY) });
	await expect(agencyRow.getByRole('cell').last()).toHaveText('1');

	// The row: the person answering for it, open since when, due when; dates dd/mm/yyyy on one line.
	const row = organiser.getByTestId('tracking-row').filter({ hasText: text });
	await expect(row.getByTestId('responsible')).toHaveText(officerName);
	for (const cell of ['opened', 'due']) {
		const day = row.getByTestId(cell).locator('.day');
		await expect(day).toHaveText(DAY);
		expect(await onOneLine(day)).toBe(true);
	}
	await expect(row.getByTestId('opened')).toContainText('0 ngày');
	// The list uses the laptop's width, not half of it.
	expect((await organiser.getByTestId('tracking-list').boundingBox())!.width).toBeGreaterThan(1100);

	// The export holds what the list shows, with the same names and dates.
	const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('link', { name: 'Tải danh sách (Excel)' }).click()]);
	const rows = await readSheet(await readFile((await download.path())!));
	expect(rows[0]).toContain('Người phụ trách');
	const line = rows.find((r) => r[3] === text);
	expect(line).toBeDefined();
	expect(line).toContain(officerName);
	expect(line).toContain(AGENCY);
	expect(String(line![9])).toMatch(DAY);

	// A save, then a second one: the status stays what was saved.
	await openDetail(organiser, text);
	await organiser.getByLabel('Tình trạng').selectOption({ label: 'Chưa thực hiện được' });
	await organiser.getByLabel('Nội dung trả lời cho trẻ em').fill('Năm nay xã chưa có đất làm sân bóng.');
	await organiser.getByLabel('Lý do (khi chưa thực hiện được)').fill('Chưa có quỹ đất');
	await organiser.getByLabel('Hướng giải quyết tiếp theo').fill('Đưa vào quy hoạch năm sau');
	await organiser.getByRole('button', { name: 'Lưu cập nhật' }).click();
	await expect(organiser.getByTestId('followup-status')).toHaveText('Chưa thực hiện được');
	await expect(organiser.getByLabel('Tình trạng')).toHaveValue('cannot_yet');
	await expect(organiser.getByLabel('Lý do (khi chưa thực hiện được)')).toHaveValue('Chưa có quỹ đất');
	await hydrated(organiser);
	await organiser.getByRole('button', { name: 'Lưu cập nhật' }).click();
	await expect(organiser.getByRole('status')).toBeVisible();
	await expect(organiser.getByTestId('followup-status')).toHaveText('Chưa thực hiện được');
	const history = organiser.getByTestId('followup-history');
	await expect(history.getByText('Chưa thực hiện được', { exact: true })).toHaveCount(2);
	await expect(history).not.toContainText('Đang xem xét, thực hiện');
	// The history's dates are in the same format.
	await expect(history.locator('li').first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

	// Time passes (the due date is moved three days back in the store, as if the month had gone by):
	// the list, its counts and the follow-up's own page all say it is overdue, and by how long.
	const followUpId = new URL(organiser.url()).pathname.split('/').pop()!;
	const db = new Database(E2E_DATABASE_PATH);
	try {
		db.prepare('update follow_ups set due_at = ? where id = ?').run(Date.now() - 3 * 24 * 3600 * 1000 - 60_000, followUpId);
	} finally {
		db.close();
	}
	await organiser.reload();
	await expect(organiser.getByTestId('followup-overdue')).toHaveText('Quá hạn 3 ngày');
	await organiser.goto(`/staff/follow-ups?event=${forum.eventId}`);
	await expect(organiser.getByTestId('total-overdue')).toHaveText('1 Quá hạn');
	await expect(organiser.getByTestId('tracking-row').filter({ hasText: text }).getByTestId('due')).toContainText('Quá hạn 3 ngày');
	await organiser.getByLabel('Chỉ việc quá hạn').check();
	await organiser.getByRole('button', { name: 'Lọc' }).click();
	await expect(organiser.getByTestId('tracking-row')).toHaveCount(1);
	await organiser.context().close();
});
