import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEMO_CODE } from './env';

export const JOIN_PATH = `/j/${DEMO_CODE}`;

/** Topic names of the seeded demo event. */
export const TOPICS = {
	play: 'Quyền được học tập, vui chơi, giải trí',
	online: 'Bảo vệ trẻ em trên môi trường mạng',
	traffic: 'Phòng, chống tai nạn thương tích, tai nạn giao thông, đuối nước'
} as const;

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const SCREEN = { viewport: { width: 1920, height: 1080 } } as const;

/** The projection screen's path, with the secret key global setup read from the database. */
export function screenPath(): string {
	const key = process.env.E2E_DISPLAY_KEY;
	if (!key) throw new Error('E2E_DISPLAY_KEY is not set: did global-setup.ts run?');
	return `/screen/${key}`;
}

let counter = 0;
/** A text no other test (or earlier run) wrote, so counting it is meaningful. */
export function uniqueText(label: string): string {
	counter += 1;
	return `${label} #${Date.now().toString(36)}-${counter}`;
}

export async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(PHONE);
	return { context, page: await context.newPage() };
}

export async function newScreen(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(SCREEN);
	return { context, page: await context.newPage() };
}

/**
 * Taps a button whose handler only exists once the page has hydrated (nothing in the DOM tells when
 * that is on pages without a live connection), repeating the tap until `done` is visible. Only for
 * idempotent actions.
 */
export async function tapUntil(button: Locator, done: Locator) {
	await expect(async () => {
		if (!(await done.isVisible())) await button.click({ timeout: 2_000 });
		await expect(done).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
}

/**
 * Waits until the page is hydrated (the root layout marks it): typing or choosing in a form before
 * that is undone when Svelte takes the page over, and a slow CI machine makes the window wide.
 */
export async function hydrated(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Waits for the room's live connection (the socket is up and the page is hydrated). */
export async function expectOnline(page: Page) {
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
}

/**
 * Joins the demo event through the plain join form. Navigates to the join page unless the page
 * is already on it (e.g. after following the address shown on the projection screen).
 */
export async function joinForum(page: Page, delegation: string, nickname?: string, path = JOIN_PATH) {
	if (!new URL(page.url(), 'http://x').pathname.startsWith(path)) await page.goto(path);
	await hydrated(page);
	await page.getByRole('radio', { name: delegation, exact: true }).check();
	if (nickname) await page.getByLabel('Biệt danh (không bắt buộc)').fill(nickname);
	await page.getByRole('button', { name: 'Vào diễn đàn' }).click();
	await expectOnline(page);
}

/** A new phone joins the forum with that join code as a child of that delegation. */
export async function joinAt(browser: Browser, code: string, delegation: string): Promise<Page> {
	const { page } = await newPhone(browser);
	await joinForum(page, delegation, undefined, `/j/${code}`);
	return page;
}

export interface ItemInput {
	text: string;
	topic?: string;
	kind?: 'Câu hỏi' | 'Kiến nghị' | 'Thông điệp';
	agency?: string;
}

/** Fills the composer and taps "Gửi". Does not wait for delivery. */
export async function submitItem(page: Page, { text, topic = TOPICS.play, kind = 'Câu hỏi', agency }: ItemInput) {
	await page.getByRole('radio', { name: kind, exact: true }).check();
	await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: topic });
	if (agency) await page.getByLabel('Gửi tới cơ quan (không bắt buộc)').selectOption({ label: agency });
	await page.getByLabel('Nội dung', { exact: true }).fill(text);
	await page.getByRole('button', { name: 'Gửi', exact: true }).click();
}

/** Cards with this text in one of the room's lists ("mine" or "feed"). */
export function cards(page: Page, list: 'mine' | 'feed', text: string): Locator {
	return page.getByTestId(list).getByTestId('submission').filter({ hasText: text });
}

/** Unsent entries with this text in the child's own list. */
export function unsent(page: Page, text: string): Locator {
	return page.getByTestId('mine').getByTestId('unsent').filter({ hasText: text });
}

/** The item with this text on the projection screen, whether it is the lead or in the list. */
export function screenEntry(page: Page, text: string): Locator {
	return page.locator('[data-testid=screen-lead], [data-testid=screen-item]').filter({ hasText: text });
}
