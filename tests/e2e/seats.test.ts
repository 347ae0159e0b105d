import { expect, test } from '@playwright/test';
import { expectOnline, hydrated, newPhone } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/**
 * The stricter join mode and the optional questions, in the browser: the organiser turns on
 * single-use seat codes and the age and gender questions (refused until the consent box is
 * ticked), prints cards; a card's QR link lets one phone in, a second phone with the same card and
 * a phone without a card are refused in plain Vietnamese.
 */
test('seat codes: one card, one phone; the optional questions need the recorded consent', async ({ browser }) => {
	test.setTimeout(90_000);
	const organiser = await organiserPage(browser);
	const title = `Diễn đàn trẻ em xã Yên Phúc ${Date.now().toString(36)}`;
	const { code } = await createForum(organiser, { title, delegations: ['Thôn Nà Lầu', 'Thôn Pò Mã'] });
	const eventUrl = organiser.url();

	await organiser.getByRole('link', { name: 'Sửa thông tin diễn đàn' }).click();
	await organiser.getByLabel(/Mã chỗ ngồi dùng một lần/).check();
	await organiser.getByLabel(/Hỏi độ tuổi/).check();
	await organiser.getByLabel(/Hỏi giới tính/).check();
	await organiser.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(organiser.getByRole('alert')).toContainText('sự đồng ý của cha mẹ hoặc người giám hộ');
	await organiser.getByLabel(/Tôi xác nhận các trường đã thu thập văn bản đồng ý/).check();
	await organiser.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã lưu thay đổi.');

	// Who recorded the consent, and the refusal before it, are in the event's log.
	await organiser.goto(`${eventUrl}/log`);
	await expect(organiser.getByRole('row').filter({ hasText: 'personalData:consent' }).filter({ hasText: 'age band, gender' })).toBeVisible();
	await expect(organiser.getByRole('row').filter({ hasText: 'personalData:consent' }).filter({ hasText: 'cha mẹ hoặc người giám hộ' })).toBeVisible();

	// Two cards for one delegation, printable with their QR codes.
	await organiser.goto(eventUrl);
	await organiser.getByRole('link', { name: 'Mã chỗ ngồi' }).click();
	await organiser.getByLabel('Đoàn in trên thẻ').selectOption({ label: 'Thôn Nà Lầu' });
	await organiser.getByLabel('Số thẻ').fill('2');
	await organiser.getByRole('button', { name: 'Tạo thẻ' }).click();
	const cards = organiser.getByTestId('seat-card');
	await expect(cards).toHaveCount(2);
	await expect(organiser.getByRole('button', { name: 'In thẻ' })).toBeVisible();
	await expect(cards.first().locator('svg')).toBeVisible();
	await expect(cards.first()).toContainText('Thôn Nà Lầu');
	const seatCode = (await cards.first().locator('.code').textContent())!;
	expect(seatCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	const cardUrl = (await cards.first().getAttribute('data-join-url'))!;
	expect(cardUrl).toContain(`/j/${code}?seat=${seatCode}`);
	const cardPath = new URL(cardUrl).pathname + new URL(cardUrl).search;

	// The first phone scans the card: its delegation is on the card, the questions are optional.
	const first = await newPhone(browser);
	await first.page.goto(cardPath);
	await expect(first.page.getByText('Đoàn của em: Thôn Nà Lầu')).toBeVisible();
	await expect(first.page.getByRole('radio', { name: 'Thôn Pò Mã' })).toHaveCount(0);
	await expect(first.page.getByLabel('Mã chỗ ngồi (in trên thẻ của em)')).toHaveValue(seatCode);
	await expect(first.page.getByText('Không bao giờ hiện lên màn hình')).toBeVisible();
	await hydrated(first.page);
	await expect(first.page.getByRole('group', { name: 'Em bao nhiêu tuổi? (không bắt buộc)' })).toBeVisible();
	await first.page.getByRole('radio', { name: '14–15 tuổi' }).check();
	await first.page.getByRole('radio', { name: 'Không muốn nói' }).check();
	await first.page.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expectOnline(first.page);

	// A second phone with the same card is refused before it fills anything in, and on sending.
	const second = await newPhone(browser);
	await second.page.goto(cardPath);
	await expect(second.page.getByRole('alert')).toContainText('Mã chỗ ngồi này đã có bạn dùng rồi');
	await hydrated(second.page);
	await second.page.getByLabel('Mã chỗ ngồi (in trên thẻ của em)').fill(seatCode);
	await second.page.getByRole('radio', { name: 'Thôn Nà Lầu' }).check();
	await second.page.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expect(second.page.getByRole('alert')).toContainText('Mã chỗ ngồi này đã có bạn dùng rồi');
	await expect(second.page.getByTestId('connection')).toHaveCount(0);

	// A phone with the forum's code but no card is refused too; the questions are still optional.
	const third = await newPhone(browser);
	await third.page.goto(`/j/${code}`);
	await hydrated(third.page);
	await third.page.getByRole('radio', { name: 'Thôn Pò Mã' }).check();
	await third.page.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expect(third.page.getByRole('alert')).toContainText('Em cần mã chỗ ngồi in trên thẻ');

	// The first phone comes back with its cookie, card or no card.
	await first.page.goto(`/j/${code}`);
	await expectOnline(first.page);

	// The organiser sees one of the two cards used.
	await organiser.reload();
	await expect(organiser.getByRole('row').filter({ hasText: 'Thôn Nà Lầu' })).toContainText(/2\s*1/);
	await Promise.all([first.context.close(), second.context.close(), third.context.close(), organiser.context().close()]);
});
