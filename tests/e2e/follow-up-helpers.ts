import { expect, type Browser } from '@playwright/test';
import { expectOnline, joinAt, uniqueText } from './helpers';
import { accept, createForum, invite, organiserPage } from './staff-helpers';

export const AGENCY = 'Phòng Văn hóa - Thông tin';
export const TOPIC = 'Vui chơi';
export const DAY = /^\d{2}\/\d{2}\/\d{4}$/;

/** A forum of its own with one item handed over to AGENCY, whose follow-up officer is named. */
export async function forumWithFollowUp(browser: Browser) {
	const organiser = await organiserPage(browser);
	const stamp = Date.now().toString(36);
	const forum = await createForum(organiser, {
		title: `Diễn đàn theo dõi ${stamp}`,
		agencies: [AGENCY],
		topics: [`${TOPIC} | ${AGENCY}`],
		delegations: ['Thôn Nà Sla'],
		moderation: false
	});
	const officerName = `Cán bộ Văn hóa ${stamp}`;
	await accept(browser, await invite(organiser, 'Cán bộ theo dõi', AGENCY), `vh-${stamp}`, officerName);
	const phone = await joinAt(browser, forum.code, 'Thôn Nà Sla');
	await expectOnline(phone);
	const text = uniqueText('Xã có thể làm sân bóng cho thiếu nhi không?');
	await phone.getByRole('radio', { name: 'Câu hỏi', exact: true }).check();
	await phone.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC });
	await phone.getByLabel('Nội dung', { exact: true }).fill(text);
	await phone.getByRole('button', { name: 'Gửi', exact: true }).click();
	// Stored, not only in the phone's outbox (which shows it at once): the leader page reads the store.
	await expect(phone.getByTestId('mine').getByTestId('submission').filter({ hasText: text })).toContainText('Đã nhận');

	await organiser.goto(`${forum.eventUrl}/leader`);
	await organiser.getByTestId('leader-item').filter({ hasText: text }).getByRole('button', { name: 'Cần theo dõi, trả lời sau' }).click();
	await organiser.getByLabel('Ghi chú').fill('Cần khảo sát');
	await organiser.getByRole('button', { name: 'Chuyển thành việc theo dõi' }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã chuyển thành việc theo dõi.');
	return { organiser, phone, forum, text, officerName };
}

