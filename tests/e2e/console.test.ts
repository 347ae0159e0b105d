import { expect, test, type Page } from '@playwright/test';
import { joinAt, newScreen } from './helpers';
import { organiserPage } from './staff-helpers';

/**
 * The event day with moderation on, in four browsers at once: two children's phones, the MC's
 * console (the organiser's account, 1366×768) and the projection screen (1920×1080).
 */
const TOPIC = 'Sân chơi và thư viện';

async function send(phone: Page, text: string, kind: 'Câu hỏi' | 'Thông điệp' = 'Câu hỏi') {
	await phone.getByRole('radio', { name: kind, exact: true }).check();
	await phone.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC });
	await phone.getByLabel('Nội dung', { exact: true }).fill(text);
	await phone.getByRole('button', { name: 'Gửi', exact: true }).click();
	await expect(phone.getByTestId('mine').getByTestId('submission').filter({ hasText: text })).toBeVisible();
}

test('a question goes from a phone through the MC’s console to the screen and every phone', async ({ browser }, testInfo) => {
	test.setTimeout(120_000);
	const mc = await organiserPage(browser);
	await mc.getByRole('link', { name: 'Tạo diễn đàn mới' }).click();
	await mc.getByLabel('Tên diễn đàn').fill('Diễn đàn trẻ em xã Điềm He 2025');
	await mc.getByLabel('Cơ quan trả lời (mỗi dòng một cơ quan)').fill('UBND xã\nTrường THCS Điềm He');
	await mc.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)').fill(`${TOPIC} | UBND xã\nAn toàn giao thông`);
	await mc.getByLabel('Các đoàn (mỗi dòng một đoàn)').fill('Thôn Còn Quan\nThôn Nà Thang');
	await mc.getByLabel(/^Chương trình/).fill('Khai mạc | 5 | MC\nĐối thoại | 45 | MC');
	await mc.getByRole('button', { name: 'Tạo diễn đàn' }).click();
	await expect(mc.getByRole('heading', { name: 'Diễn đàn trẻ em xã Điềm He 2025' })).toBeVisible();
	const code = (await mc.getByText(/^[2-9A-Z]{5,7} ·/).first().textContent())!.split(' ')[0];
	const screenHref = (await mc.getByTestId('screen-link').getAttribute('href'))!;

	const screen = (await newScreen(browser)).page;
	await screen.goto(screenHref);
	await expect(screen.getByTestId('join-code')).toHaveText(code);
	const [phoneA, phoneB] = [await joinAt(browser, code, 'Thôn Còn Quan'), await joinAt(browser, code, 'Thôn Nà Thang')];

	await mc.getByRole('link', { name: 'Mở bàn điều phối' }).click();
	await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await mc.getByRole('button', { name: 'Bắt đầu' }).last().click();
	await expect(screen.getByTestId('screen-agenda')).toContainText('Đối thoại');

	// A pending item reaches the console, and nowhere else.
	const question = 'Vì sao xã em chưa có sân chơi cho thiếu nhi?';
	await send(phoneA, question);
	const incoming = mc.getByTestId('console-incoming').getByTestId('console-item').filter({ hasText: question });
	await expect(incoming).toBeVisible();
	await expect(phoneB.getByTestId('feed')).not.toContainText(question);
	await expect(screen.locator('main')).not.toContainText(question);

	// From the keyboard: focus the item, A approves it; it reaches the other phone.
	await incoming.focus();
	await mc.keyboard.press('a');
	await expect(phoneB.getByTestId('feed').getByTestId('submission').filter({ hasText: question })).toBeVisible();
	const approved = mc.getByTestId('console-approved').getByTestId('console-item').filter({ hasText: question });
	await expect(approved).toBeVisible();

	// S puts it on screen: the screen and both phones show it within a second.
	await approved.focus();
	const shownAt = Date.now();
	await mc.keyboard.press('s');
	await expect(screen.getByTestId('screen-current')).toContainText(question, { timeout: 1_000 });
	await expect(phoneA.getByTestId('phone-on-screen')).toContainText(question, { timeout: 1_000 });
	await expect(phoneB.getByTestId('phone-on-screen')).toContainText(question, { timeout: 1_000 });
	testInfo.annotations.push({ type: 'on screen after', description: `${Date.now() - shownAt} ms` });
	await expect(screen.getByTestId('screen-current')).toContainText('UBND xã');

	// A filtered word is held for review, shown nowhere else.
	const rude = 'Sân trường này vcl, toàn đá';
	await send(phoneA, rude);
	const held = mc.getByTestId('console-incoming').getByTestId('console-item').filter({ hasText: rude });
	await expect(held).toContainText('Bị giữ lại');
	await expect(phoneB.getByTestId('feed')).not.toContainText(rude);

	// A child in danger: a private alert for the organiser with the 111 hotline, nothing anywhere else.
	const danger = 'Em bị bố đánh mỗi tối, em sợ lắm';
	await send(phoneB, danger, 'Thông điệp');
	await expect(phoneB.getByTestId('mine').getByTestId('submission').filter({ hasText: danger })).toContainText('111');
	// A red bar with the count; the alert itself opens on demand.
	await expect(mc.getByTestId('console-alert-bar')).toContainText('1 cảnh báo an toàn trẻ em chưa xử lý');
	await mc.getByTestId('console-alert-bar').getByRole('button', { name: 'Xem cảnh báo' }).click();
	const alerts = mc.getByTestId('console-alerts');
	await expect(alerts).toContainText(danger);
	await expect(alerts).toContainText('111');
	await expect(alerts).toContainText('Thôn Nà Thang');
	await expect(mc.getByTestId('console-incoming')).not.toContainText(danger);
	await expect(phoneA.getByTestId('feed')).not.toContainText(danger);
	await expect(screen.locator('body')).not.toContainText(danger);

	// Rejecting the held item with a reason: its author reads a kind explanation.
	await held.focus();
	await mc.keyboard.press('r');
	await mc.keyboard.press('3');
	await expect(phoneA.getByTestId('mine').getByTestId('submission').filter({ hasText: rude }).getByTestId('why')).toContainText(
		'chưa phù hợp'
	);
	await expect(mc.getByTestId('console-counters')).toContainText('Không trình chiếu 1');

	await mc.screenshot({ path: testInfo.outputPath('console-1366x768.png') });
	await screen.screenshot({ path: testInfo.outputPath('screen-1920x1080.png') });
	await testInfo.attach('console', { path: testInfo.outputPath('console-1366x768.png'), contentType: 'image/png' });
	await testInfo.attach('screen', { path: testInfo.outputPath('screen-1920x1080.png'), contentType: 'image/png' });
});
