import { expect, test } from '@playwright/test';
import { accept, createForum, invite, LAPTOP, organiserPage } from './staff-helpers';

/**
 * Staff roles across browser contexts: the organiser (created through the one-time setup page, or
 * signed in if another test already made the account) invites a moderator and a leader; each
 * accepts in their own browser and sees only what their role allows.
 */
test('an organiser invites a moderator and a leader; each sees only what their role allows', async ({ browser }) => {
	const organiser = await organiserPage(browser);
	const { eventUrl } = await createForum(organiser, {
		title: 'Đối thoại trẻ em huyện Văn Quan 2025',
		topics: ['An toàn trường học'],
		delegations: ['Xã Vĩnh Lại', 'Xã Tràng Các'],
		agencies: ['Trung tâm Y tế', 'Công an huyện']
	});
	await expect(organiser).toHaveURL(/\/staff\/events\/[\w-]+$/);

	// A leader without an agency is refused, with a message.
	await organiser.getByLabel('Vai trò').selectOption({ label: 'Lãnh đạo, cơ quan trả lời' });
	await organiser.getByRole('button', { name: 'Tạo đường dẫn mời' }).click();
	await expect(organiser.getByRole('alert')).toContainText('cần chọn cơ quan');

	const moderatorLink = await invite(organiser, 'Người dẫn chương trình / điều phối');
	const leaderLink = await invite(organiser, 'Lãnh đạo, cơ quan trả lời', 'Trung tâm Y tế');

	const moderator = await accept(browser, moderatorLink, 'mc.vanquan', 'Nông Thị Hoa');
	const leader = await accept(browser, leaderLink, 'yte.vanquan', 'Lương Văn Sơn');

	// The moderator sees the event and the screen link; the leader sees the event without it.
	const moderatorEvents = moderator.getByTestId('staff-events');
	await expect(moderatorEvents).toContainText('Người dẫn chương trình / điều phối');
	await expect(moderatorEvents.getByRole('link', { name: 'Màn hình trình chiếu' })).toHaveCount(1);
	const leaderEvents = leader.getByTestId('staff-events');
	await expect(leaderEvents).toContainText('Lãnh đạo, cơ quan trả lời');
	await expect(leaderEvents.getByRole('link', { name: 'Màn hình trình chiếu' })).toHaveCount(0);

	// Neither may invite or create events.
	await expect(moderator.getByRole('link', { name: 'Tạo diễn đàn mới' })).toHaveCount(0);
	await moderator.goto(eventUrl);
	await expect(moderator.getByRole('button', { name: 'Tạo đường dẫn mời' })).toHaveCount(0);
	const forbidden = await moderator.request.post(`${eventUrl}?/invite`, {
		form: { role: 'organiser', agencyId: '' },
		headers: { origin: new URL(eventUrl).origin, accept: 'text/html' }
	});
	expect(forbidden.status(), await forbidden.text()).toBe(403);
	const newEvent = await leader.goto('/staff/events/new');
	expect(newEvent?.status()).toBe(403);

	// The organiser sees both in the event's staff list; a used link is refused.
	await organiser.reload();
	await expect(organiser.getByTestId('event-staff')).toContainText('Nông Thị Hoa');
	await expect(organiser.getByTestId('event-staff')).toContainText('Trung tâm Y tế');
	const stranger = await (await browser.newContext(LAPTOP)).newPage();
	await stranger.goto(moderatorLink);
	await expect(stranger.getByRole('alert')).toContainText('đã được sử dụng');

	// Both refusals are in the event's log for the organiser, with who tried.
	await organiser.goto(`${eventUrl}/log`);
	const log = organiser.getByTestId('audit-log');
	await expect(log.getByRole('row').filter({ hasText: 'mc.vanquan' }).filter({ hasText: 'staff:invite' })).toContainText('Bị từ chối');
	await expect(log.getByRole('row').filter({ hasText: 'invitation' })).toContainText('đã được sử dụng');
	// The log is the organiser's: the moderator is not shown it.
	expect((await moderator.goto(`${eventUrl}/log`))?.status()).toBe(404);
});
