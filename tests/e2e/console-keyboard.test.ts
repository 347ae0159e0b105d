import { expect, test, type Locator, type Page } from '@playwright/test';
import { cards, expectOnline, joinAt, newScreen, submitItem } from './helpers';
import { accept, createForum, invite, organiserPage } from './staff-helpers';

/**
 * The MC's console at 1366×768 from the keyboard alone, in its own moderated forum: a whole
 * dialogue, the compact lists with the keys and the organiser's alert bar in view, and each
 * person's own role in the staff header.
 */
const TOPIC = 'Sân chơi và thư viện';
const stamp = () => Date.now().toString(36);

async function send(phone: Page, text: string) {
	await submitItem(phone, { text, topic: TOPIC });
	await expect(cards(phone, 'mine', text)).toBeVisible();
}

/** The console's card that has keyboard focus. */
const focused = (mc: Page) => mc.locator('[data-item-id]:focus');
const column = (mc: Page, list: 'incoming' | 'approved' | 'queue') => mc.getByTestId(`console-${list}`).getByTestId('console-item');

/** How many of these are wholly on the screen (not cut by their list's scroll box or the window). */
async function whollyVisible(items: Locator, page: Page): Promise<number> {
	return items.evaluateAll((els, height) => {
		return els.filter((el) => {
			const box = el.getBoundingClientRect();
			const list = el.closest('[data-list]')!.getBoundingClientRect();
			return box.height > 0 && box.top >= Math.max(0, list.top) && box.bottom <= Math.min(height, list.bottom);
		}).length;
	}, page.viewportSize()!.height);
}

test('a whole dialogue from the MC’s keyboard: approve, edit, reject, merge, queue, reorder, on screen, next', async ({ browser }) => {
	test.setTimeout(180_000);
	const mc = await organiserPage(browser);
	const { code, screenHref, eventUrl } = await createForum(mc, {
		title: `Diễn đàn bàn phím ${stamp()}`,
		delegations: ['Thôn Còn Quan', 'Thôn Nà Thang'],
		moderation: true
	});
	const screen = (await newScreen(browser)).page;
	await screen.goto(screenHref);
	await expect(screen.getByTestId('join-code')).toHaveText(code);
	const phone = await joinAt(browser, code, 'Thôn Còn Quan');

	const first = 'Vì sao xã em chưa có sân chơi cho thiếu nhi?';
	const second = 'Thư viện xã mở cửa lúc mấy giờ';
	const offTopic = 'Em thích ăn kem sô cô la nhất';
	const twin = 'Tại sao xã em chưa có sân chơi cho thiếu nhi vậy?';
	const later = 'Đường đến trường em có nhiều xe tải chạy nhanh';
	for (const text of [first, second, offTopic, twin, later]) await send(phone, text);

	await mc.goto(`${eventUrl}/console`);
	await expectOnline(mc);
	await expect(column(mc, 'incoming')).toHaveCount(5);
	// From here on, the keyboard only.

	// J starts on the first waiting item; A approves it and the keyboard moves on to the next one.
	await mc.keyboard.press('j');
	await expect(focused(mc)).toContainText(first);
	await mc.keyboard.press('a');
	await expect(column(mc, 'approved').filter({ hasText: first })).toBeVisible();
	await expect(focused(mc)).toContainText(second);
	await expect(cards(phone, 'mine', first).getByTestId('status')).toHaveText('Đã nhận');

	// E puts the cursor in the edit box, at the end of the child's words; Enter approves the edit.
	await mc.keyboard.press('e');
	const editor = mc.locator('textarea:focus');
	await expect(editor).toHaveValue(second);
	await mc.keyboard.type(' vào thứ bảy?');
	await mc.keyboard.press('Enter');
	await expect(column(mc, 'approved').filter({ hasText: `${second} vào thứ bảy?` })).toBeVisible();
	await expect(focused(mc)).toContainText(offTopic);

	// R opens the reasons where the MC can see them; 1 rejects as off topic, and the child reads why.
	await mc.keyboard.press('r');
	await expect(mc.getByTestId('reasons')).toBeInViewport();
	await mc.keyboard.press('1');
	await expect(cards(phone, 'mine', offTopic).getByTestId('why')).toContainText('chưa đúng chủ đề');
	await expect(focused(mc)).toContainText(twin);

	// M merges the repeat into the earlier question it names.
	await mc.keyboard.press('m');
	await expect(cards(phone, 'mine', twin).getByTestId('status')).toHaveText('Đã gộp với một câu hỏi giống');
	await expect(focused(mc)).toContainText(later);

	// → goes to the approved list in one key; Q queues, and the keyboard stays in the list (twice).
	await mc.keyboard.press('ArrowRight');
	await expect(focused(mc)).toContainText(first);
	await mc.keyboard.press('q');
	await expect(column(mc, 'queue').filter({ hasText: first })).toBeVisible();
	await expect(focused(mc)).toContainText(second);
	await mc.keyboard.press('q');
	await expect(column(mc, 'queue')).toHaveCount(2);
	await expect(focused(mc)).toContainText(second);

	// Alt+↓ moves the first queued item down; the keyboard goes with it.
	await mc.keyboard.press('ArrowUp');
	await expect(focused(mc)).toContainText(first);
	await mc.keyboard.press('Alt+ArrowDown');
	await expect(column(mc, 'queue').first()).toContainText(second);
	await expect(column(mc, 'queue').last()).toContainText(first);
	await expect(focused(mc)).toContainText(first);

	// S puts it on the screen and on the phone.
	await mc.keyboard.press('s');
	await expect(screen.getByTestId('screen-current')).toContainText(first);
	await expect(phone.getByTestId('phone-on-screen')).toContainText(first);
	await expect(focused(mc)).toContainText(second);

	// N: the next queued item takes its place; with the queue empty, N says so, in view.
	await mc.keyboard.press('n');
	await expect(screen.getByTestId('screen-current')).toContainText(`${second} vào thứ bảy?`);
	await expect(column(mc, 'queue')).toHaveCount(0);
	await mc.keyboard.press('n');
	await expect(mc.getByTestId('console-notice')).toHaveText('Hàng đợi đang trống.');
	await expect(mc.getByTestId('console-notice')).toBeInViewport();
	await expect(screen.getByTestId('screen-current')).toContainText(`${second} vào thứ bảy?`);
});

test('at 1366×768 the lists show many items at once, with the keys and the organiser’s alert bar in view', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const mc = await organiserPage(browser);
	const { code, eventUrl } = await createForum(mc, { title: `Diễn đàn nhiều ý kiến ${stamp()}`, delegations: ['Thôn A', 'Thôn B'], moderation: true });
	const phones = [await joinAt(browser, code, 'Thôn A'), await joinAt(browser, code, 'Thôn B')];
	const texts = Array.from({ length: 16 }, (_, i) => `Ý kiến số ${i + 1} về sân chơi và thư viện của xã em`);
	for (const [i, text] of texts.entries()) await send(phones[i % 2], text);
	const danger = 'Em bị bố đánh mỗi tối, em sợ lắm';
	await submitItem(phones[1], { text: danger, topic: TOPIC, kind: 'Thông điệp' });
	await expect(cards(phones[1], 'mine', danger)).toContainText('111');

	await mc.goto(`${eventUrl}/console`);
	await expectOnline(mc);
	await expect(column(mc, 'incoming')).toHaveCount(texts.length);

	// The alert: a bar with its count, in view; the alert itself only on demand.
	const bar = mc.getByTestId('console-alert-bar');
	await expect(bar).toContainText('1 cảnh báo an toàn trẻ em chưa xử lý');
	await expect(bar).toBeInViewport();
	await expect(mc.getByTestId('console-alerts')).toBeHidden();
	await expect(mc).toHaveTitle(/^⚠ 1 · /);

	// Many waiting items wholly on the first screen (1.7 before), and the keys below them.
	const visible = await whollyVisible(column(mc, 'incoming'), mc);
	testInfo.annotations.push({ type: 'waiting items wholly on screen at 1366×768', description: String(visible) });
	console.log(`waiting items wholly on screen at 1366×768: ${visible}`);
	expect(visible).toBeGreaterThanOrEqual(6);
	await expect(mc.getByTestId('console-shortcuts')).toBeInViewport({ ratio: 1 });
	expect(await mc.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
	await column(mc, 'incoming').nth(1).focus();
	await mc.screenshot({ path: testInfo.outputPath('console-compact-1366x768.png') });
	await testInfo.attach('console', { path: testInfo.outputPath('console-compact-1366x768.png'), contentType: 'image/png' });

	// Opened, the alerts lie over the lists without moving them.
	const top = await column(mc, 'incoming').first().evaluate((el) => el.getBoundingClientRect().top);
	await bar.getByRole('button', { name: 'Xem cảnh báo' }).click();
	const alerts = mc.getByTestId('console-alerts');
	await expect(alerts).toContainText(danger);
	await expect(alerts).toContainText('111');
	await mc.screenshot({ path: testInfo.outputPath('console-alerts-open.png') });
	expect(await column(mc, 'incoming').first().evaluate((el) => el.getBoundingClientRect().top)).toBe(top);
	// Esc in the open alerts closes them, and the keyboard is back on the bar's button.
	await mc.keyboard.press('Tab');
	await expect(alerts.getByRole('button', { name: 'Đã xử lý', exact: true })).toBeFocused();
	await mc.keyboard.press('Escape');
	await expect(alerts).toBeHidden();
	await expect(bar.getByRole('button', { name: 'Xem cảnh báo' })).toBeFocused();
	await mc.keyboard.press('Enter');
	await alerts.getByRole('button', { name: 'Đã xử lý', exact: true }).click();
	await expect(bar).toContainText('Đã xử lý hết 1 cảnh báo');

	// Tab goes list to list (one card of each list in the Tab order), not through every waiting item.
	await mc.keyboard.press('j');
	for (let i = 0; i < 3; i++) await mc.keyboard.press('a');
	await expect(column(mc, 'approved')).toHaveCount(3);
	await expect(column(mc, 'incoming')).toHaveCount(texts.length - 3);
	await column(mc, 'incoming').first().focus();
	let tabs = 0;
	while (!(await mc.getByTestId('console-approved').locator('[data-item-id]:focus').count()) && tabs < 40) {
		await mc.keyboard.press('Tab');
		tabs += 1;
	}
	testInfo.annotations.push({ type: 'Tabs from the first waiting item to the approved list', description: String(tabs) });
	console.log(`Tabs from the first waiting item to the approved list: ${tabs}`);
	expect(tabs).toBeLessThanOrEqual(12);
});

test('the staff header names each person’s own role, not the organisers for everyone', async ({ browser }) => {
	test.setTimeout(120_000);
	const organiser = await organiserPage(browser);
	await expect(organiser.getByTestId('staff-role')).toHaveText('Ban Tổ chức');
	await createForum(organiser, { title: `Diễn đàn vai trò ${stamp()}`, delegations: ['Thôn A'], agencies: ['Phòng Giáo dục'], topics: ['Học tập | Phòng Giáo dục'] });
	const leaderLink = await invite(organiser, 'Lãnh đạo, cơ quan trả lời', 'Phòng Giáo dục');
	const officerLink = await invite(organiser, 'Cán bộ theo dõi', 'Phòng Giáo dục');
	const leader = await accept(browser, leaderLink, `ld-${stamp()}`, 'Trưởng phòng Giáo dục');
	await expect(leader.getByTestId('staff-role')).toHaveText('Lãnh đạo, cơ quan trả lời');
	await expect(leader.getByTestId('staff-name')).toHaveText('Trưởng phòng Giáo dục');
	const officer = await accept(browser, officerLink, `cb-${stamp()}`, 'Cán bộ Giáo dục');
	await expect(officer.getByTestId('staff-role')).toHaveText('Cán bộ theo dõi');
	await expect(officer.locator('header')).not.toContainText('Ban Tổ chức');
});
