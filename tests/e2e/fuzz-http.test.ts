import { request as httpRequest } from 'node:http';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import Database from 'better-sqlite3';
import { EVENT_LEVELS } from '../../src/lib/domain/event';
import { FOLLOW_UP_STATUSES, FOLLOW_UP_TEXT_MAX } from '../../src/lib/domain/follow-up';
import { STAFF_ROLES } from '../../src/lib/domain/staff';
import { NICKNAME_MAX } from '../../src/lib/domain/submission';
import { auditRowsAfter, lastAuditId, snapshotDatabase, type DatabaseSnapshot } from '../db-snapshot';
import { blankString, hostileKey, hostileString, longString } from '../fuzz-material';
import { DEMO_CODE, E2E_BASE_URL, E2E_DATABASE_PATH, E2E_PORT } from './env';
import { ORGANISER } from './staff-helpers';

/**
 * Property-based fuzzing (fast-check) of the HTTP side, against the production build: join-code
 * lookups and the join form, staff sign-in, first-run setup and invitation links, the event
 * create and edit forms and the event page's actions, the follow-up update and assign forms, the
 * exports and the public outcome page. Hostile form bodies (unicode oddities, huge and blank
 * values, repeated and prototype-named keys), query strings, path segments, cookies and content
 * types (text/plain, broken multipart, JSON, invalid UTF-8, bodies over the size limit), from the
 * right origin and from others.
 *
 * Every hostile post carries at least one value the form must refuse (a "poison"), so the
 * assertions are exact: never a 5xx, never a success (a 200 or a redirect other than to sign-in),
 * the server answers its health check after each group, and no table but the refusal log changes
 * (read from the server's SQLite file through a read-only connection). Request contexts only.
 * FUZZ_RUNS scales the number of runs (default 1).
 */
test.describe.configure({ mode: 'serial' });

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const ORIGIN = new URL(E2E_BASE_URL).origin;

/** A form body as ordered pairs, so keys can repeat and the poisoned value comes first. */
type Pairs = [string, string][];

type Encoding = 'urlencoded' | 'multipart';

interface Sent {
	method: 'GET' | 'POST';
	path: string;
	label: string;
}

let organiser: APIRequestContext;
let anonymous: APIRequestContext;
let eventId = '';
let joinCode = '';
let delegationId = '';
let agencyId = '';
let followUpId = '';
let before: DatabaseSnapshot;
let auditBefore = 0;
const counts = new Map<string, number>();
const timings: string[] = [];

function count(group: string) {
	counts.set(group, (counts.get(group) ?? 0) + 1);
}

/** Percent-encodes every UTF-8 byte that is not unreserved (lone surrogates become U+FFFD). */
function segment(text: string): string {
	return [...new TextEncoder().encode(text)].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Path segments: hostile text, encoded, or raw pieces that are not valid encodings at all. */
const pathSegment = fc.oneof(
	{ weight: 3, arbitrary: hostileString.filter((s) => s.length > 0).map(segment) },
	{ weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '%2F', '..', '.', '%2e%2e', '%C0%AF', '%FF%FE', 'a%', '%uD800', '__proto__', 'constructor', 'toString', '~', '*') },
	{ weight: 1, arbitrary: longString(300, 3000).map(segment) }
);

function multipart(pairs: Pairs): { body: Buffer; type: string } {
	const boundary = `----fuzz${Math.random().toString(36).slice(2)}`;
	const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`);
	return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), type: `multipart/form-data; boundary=${boundary}` };
}

async function postForm(context: APIRequestContext, path: string, pairs: Pairs, encoding: Encoding = 'urlencoded', origin: string | null = ORIGIN, hops = 0): Promise<APIResponse> {
	const headers: Record<string, string> = { accept: 'text/html' };
	if (origin !== null) headers.origin = origin;
	const { body, type } = encoding === 'multipart' ? multipart(pairs) : { body: new URLSearchParams(pairs).toString(), type: 'application/x-www-form-urlencoded' };
	const response = await context.post(path, { data: body, headers: { ...headers, 'content-type': type }, maxRedirects: 0 });
	// A path SvelteKit normalises ("/x/." → "/x") answers 307/308: the post goes on, as a browser's would.
	const location = response.headers()['location'];
	if ((response.status() === 307 || response.status() === 308) && location && hops < 3) return postForm(context, location, pairs, encoding, origin, hops + 1);
	return response;
}

/** A refused post: no 5xx, and no success (a 200 page, or a redirect anywhere but the sign-in page). */
function expectRefused(response: APIResponse, sent: Sent) {
	const status = response.status();
	const location = response.headers()['location'] ?? '';
	const what = `${sent.method} ${sent.path.slice(0, 200)} (${sent.label}) → ${status} ${location}`;
	expect(status, what).toBeLessThan(500);
	const through = (status >= 200 && status < 300) || (status === 303 && !location.startsWith('/login'));
	expect(through, `got through: ${what}`).toBe(false);
}

function expectServed(response: APIResponse, sent: Sent) {
	expect(response.status(), `${sent.method} ${sent.path.slice(0, 200)} (${sent.label})`).toBeLessThan(500);
}

async function expectUp() {
	const health = await anonymous.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ ok: true, database: 'ok' });
}

/** Hostile form values, from blank to far over any field's limit. */
const value = fc.oneof(
	{ weight: 4, arbitrary: hostileString },
	{ weight: 1, arbitrary: blankString },
	{ weight: 1, arbitrary: longString(200, 5000) },
	{ weight: 1, arbitrary: fc.constantFrom('', 'on', 'off', 'true', '1', '0', '-1', 'null', 'undefined', '[]', '{}', '2025-02-30', '9999-99-99') },
	{ weight: 1, arbitrary: fc.uuid() }
);

/** The form's own fields with hostile values (each maybe missing), extra hostile keys, repeats. */
function hostileFields(names: string[]): fc.Arbitrary<Pairs> {
	return fc
		.tuple(
			fc.tuple(...names.map((name) => fc.option(value.map((v): [string, string] => [name, v]), { nil: undefined, freq: 4 }))),
			fc.array(fc.tuple(hostileKey, value), { maxLength: 4 }),
			fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 2 })
		)
		.map(([own, extra, repeats]) => [...own.filter((p): p is [string, string] => p !== undefined), ...extra, ...repeats]);
}

/** The poisoned pair goes first: FormData.get returns the first of repeated keys. */
function poisoned(names: string[], poisons: fc.Arbitrary<[string, string]>): fc.Arbitrary<{ pairs: Pairs; encoding: Encoding }> {
	return fc
		.record({ poison: poisons, rest: hostileFields(names), encoding: fc.constantFrom<Encoding>('urlencoded', 'urlencoded', 'multipart') })
		.map(({ poison, rest, encoding }) => ({ pairs: [poison, ...rest.filter(([k]) => k !== poison[0])], encoding }));
}

const notIn = (values: readonly string[]) => hostileString.filter((s) => !values.includes(s));
const pick = <T>(pairs: [string, fc.Arbitrary<T>][]) => fc.oneof(...pairs.map(([name, arbitrary]) => arbitrary.map((v): [string, T] => [name, v])));

// ---------------------------------------------------------------------------------------------

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(120_000);
	organiser = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
	anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });

	// Signed in as the e2e run's organiser, made on the first-run page if no test made it yet.
	const login = await organiser.get('/login', { maxRedirects: 0 });
	const signIn =
		login.headers()['location'] === '/setup'
			? await postForm(organiser, '/setup', [
					['username', ORGANISER.username],
					['displayName', ORGANISER.name],
					['password', ORGANISER.password]
				])
			: await postForm(organiser, '/login', [
					['username', ORGANISER.username],
					['password', ORGANISER.password]
				]);
	expect(signIn.headers()['location']).toBe('/staff');

	// An event of its own, with one child's item on it made a follow-up, for the forms to aim at.
	const created = await postForm(organiser, '/staff/events/new', [
		['title', 'Diễn đàn kiểm thử dữ liệu xấu'],
		['level', 'commune'],
		['agencies', 'Phòng Giáo dục'],
		['topics', 'Trường học | Phòng Giáo dục'],
		['delegations', 'Thôn Nà Pàn\nThôn Bản Cằm'],
		['allowNicknames', 'on'],
		['joinOpen', 'on']
	]);
	expect(created.status()).toBe(303);
	eventId = created.headers()['location'].split('/').at(-1)!;
	let topicId = '';
	const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
	try {
		joinCode = db.prepare('select code from events where id = ?').pluck().get(eventId) as string;
		delegationId = db.prepare('select id from delegations where event_id = ? order by position').pluck().get(eventId) as string;
		agencyId = db.prepare('select id from agencies where event_id = ?').pluck().get(eventId) as string;
		topicId = db.prepare('select id from topics where event_id = ?').pluck().get(eventId) as string;
	} finally {
		db.close();
	}

	const child = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
	const joined = await postForm(child, `/j/${joinCode}?/join`, [['delegationId', delegationId]]);
	expect(joined.status()).toBe(303);
	const childToken = (await child.storageState()).cookies.find((c) => c.name === 'dd_participant')!.value;
	const staffToken = (await organiser.storageState()).cookies.find((c) => c.name === 'dd_staff')!.value;
	const connect = (cookie: string, auth: object) =>
		new Promise<Socket>((resolve, reject) => {
			const socket = io(E2E_BASE_URL, { transports: ['websocket'], extraHeaders: { cookie }, auth, reconnection: false, forceNew: true });
			socket.once('connect', () => resolve(socket));
			socket.once('connect_error', reject);
		});
	const phone = await connect(`dd_participant=${childToken}`, { role: 'participant' });
	const console_ = await connect(`dd_staff=${staffToken}`, { role: 'staff', eventId });
	// The item itself is hostile: it ends up in the exports and on the public page.
	const item = await phone.emitWithAck('submission:submit', {
		id: crypto.randomUUID(),
		kind: 'question',
		topicId,
		agencyId: null,
		text: '=HYPERLINK("http://evil.example") Vì sao ‮trường‬ em\u200B chưa có nhà đa năng? 👩‍👩‍👧‍👦 Ệ\u0301 <script>alert(1)</script>'
	});
	expect(item).toMatchObject({ ok: true });
	const marked = await console_.emitWithAck('submission:followUp', { submissionId: item.data.id, agencyId: null, dueDate: '', note: '' });
	expect(marked).toMatchObject({ ok: true });
	followUpId = marked.data.followUpId;
	phone.disconnect();
	console_.disconnect();
	await child.dispose();

	before = snapshotDatabase(E2E_DATABASE_PATH, ['audit_log']);
	auditBefore = lastAuditId(E2E_DATABASE_PATH);
});

test.afterAll(async () => {
	await organiser?.dispose();
	await anonymous?.dispose();
});

/** Runs a property whose every case is one request; times the group. */
async function fuzz<T>(group: string, arbitrary: fc.Arbitrary<T>, numRuns: number, send: (input: T) => Promise<void>) {
	const started = Date.now();
	await fc.assert(
		fc.asyncProperty(arbitrary, async (input) => {
			count(group);
			await send(input);
		}),
		{ numRuns }
	);
	timings.push(`${group} ${((Date.now() - started) / 1000).toFixed(1)} s`);
	await expectUp();
}

// ---------------------------------------------------------------------------------------------

test('what fuzzing found stays fixed', async () => {
	// Half an emoji cut off at the 12th UTF-16 unit could not be URI-encoded: 500.
	const cut = await anonymous.get(`/j?code=${segment('AAAAAAAAAAA𝕏Q')}`, { maxRedirects: 0 });
	expect(cut.status()).toBe(303);
	expect(cut.headers()['location']).toBe(`/j/AAAAAAAAAAA${segment('𝕏')}`);
	// Bodies declared as forms that are not readable as forms reached the actions and threw: 500.
	for (const [type, data] of [
		['text/plain', 'username=a&password=b'],
		['multipart/form-data; boundary=zzz', 'garbage'],
		['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--']
	])
		expect((await anonymous.post('/login', { data, headers: { 'content-type': type, origin: ORIGIN, accept: 'text/html' }, maxRedirects: 0 })).status(), type).toBe(400);
	// Action names found on Object.prototype (SvelteKit looks actions up with `actions[name]`): 500 or 200.
	for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'default'])
		expect((await postForm(anonymous, `/j/${joinCode}?/${name}`, [['delegationId', 'x']])).status(), name).toBe(404);
	// Export formats found on the prototype ("toString" in TYPES): a 200 download of the wrong kind.
	for (const format of ['toString', 'constructor', '__proto__', 'valueOf'])
		expect((await organiser.get(`/staff/events/${eventId}/export/${format}`, { maxRedirects: 0 })).status(), format).toBe(404);
	await expectUp();
});

/**
 * Unknown codes count as failed attempts per address (30 a minute, then 429 for a minute), and
 * the rest of the suite comes from 127.0.0.1: each lookup comes from a loopback address of its
 * own, so the fuzz reaches the lookup itself and nobody else is throttled.
 */
let lookups = 0;
function lookupFromAnotherAddress(path: string): Promise<{ status: number; location?: string }> {
	lookups += 1;
	const from = `127.77.${Math.floor(lookups / 250) % 250}.${(lookups % 250) + 1}`;
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port: E2E_PORT, path, localAddress: from, headers: { accept: 'text/html' } }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
		});
		req.on('error', reject);
		req.end();
	});
}

test('join: code lookups and the join form refuse hostile input', async () => {
	test.setTimeout(120_000);
	// Codes as people type them (spaces, dashes, lower case) with astral characters and marks mixed in.
	const codeLike = fc
		.array(fc.constantFrom('A', 'b', '7', 'Q', '-', ' ', '𝕏', '😀', '👩‍👩‍👧‍👦', '\u0301', 'Đ', '\u200B'), { minLength: 1, maxLength: 16 })
		.map((pieces) => segment(pieces.join('')));
	await fuzz('join-code lookups', fc.tuple(fc.constantFrom('/j?code=', '/j?code=', '/j/', '/ket-qua/', '/screen/', '/invite/'), fc.oneof(pathSegment, codeLike)), runs(200), async ([prefix, text]) => {
		const path = prefix === '/j?code=' ? `/j?code=${text}` : `${prefix}${text}`;
		const response = await lookupFromAnotherAddress(path);
		expect(response.status, path).toBeLessThan(500);
		// The code form's redirect stays on this site.
		if (response.location) expect(response.location, path).toMatch(/^\/(?!\/)/);
	});

	const names = ['delegationId', 'nickname', 'showNickname'];
	const poisons = pick([
		['delegationId', fc.oneof(hostileString, fc.uuid(), fc.constant(''))],
		// The right delegation, and a nickname longer than allowed after normalising.
		['nickname', longString(NICKNAME_MAX + 1, 400)]
	]);
	await fuzz(
		'join form',
		fc.tuple(poisoned(names, poisons), fc.constantFrom(joinCode, DEMO_CODE), fc.constantFrom('?/join', '?/join', '?/join', '?/nope', '?/__proto__', '?/constructor', '?/toString', '?/hasOwnProperty', '?/default', '?/', '?/join&/toString', '')),
		runs(200),
		async ([{ pairs, encoding }, code, action]) => {
			// A nickname poison only bites with the real delegation; any other delegation is refused anyway.
			const body: Pairs = pairs[0][0] === 'nickname' ? [['delegationId', code === joinCode ? delegationId : 'x'], ...pairs] : pairs;
			const path = `/j/${code}${action}`;
			expectRefused(await postForm(anonymous, path, body, encoding), { method: 'POST', path, label: encoding });
		}
	);
});

test('staff sign-in, first-run setup, invitation links and sign-out refuse hostile input', async () => {
	test.setTimeout(120_000);
	// Kept small: each failed sign-in is a real password hash check, and counts towards the
	// address's ceiling of failed sign-ins that the rest of the e2e run shares.
	const username = fc.oneof(hostileString, longString(41, 300), fc.constantFrom('', ' ', 'admin', 'root', "' OR '1'='1")).filter((u) => u.trim().toLowerCase() !== ORGANISER.username);
	await fuzz('sign-in', fc.tuple(username, fc.oneof(value, longString(201, 2000)), fc.constantFrom<Encoding>('urlencoded', 'multipart')), runs(40), async ([user, password, encoding]) => {
		const response = await postForm(anonymous, '/login', [['username', user], ['password', password]], encoding);
		expectRefused(response, { method: 'POST', path: '/login', label: 'sign-in' });
	});
	await fuzz('first-run setup', hostileFields(['username', 'displayName', 'password']), runs(60), async (pairs) => {
		expectRefused(await postForm(anonymous, '/setup', pairs), { method: 'POST', path: '/setup', label: 'setup is done' });
	});
	await fuzz(
		'invitation links',
		fc.tuple(pathSegment, fc.constantFrom('?/create', '?/accept'), hostileFields(['username', 'displayName', 'password']), fc.boolean()),
		runs(100),
		async ([token, action, pairs, signedIn]) => {
			const path = `/invite/${token}${action}`;
			expectRefused(await postForm(signedIn ? organiser : anonymous, path, pairs), { method: 'POST', path, label: signedIn ? 'organiser' : 'anonymous' });
		}
	);
	await fuzz('sign-out without a session', hostileFields(['everywhere']), runs(30), async (pairs) => {
		const response = await postForm(anonymous, '/logout', pairs);
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/login');
	});
});

const EVENT_FIELDS = ['title', 'level', 'organisingUnit', 'venue', 'date', 'theme', 'topics', 'delegations', 'agencies', 'agenda', 'followUpDays', 'wordFilter', 'moderation', 'allowNicknames', 'joinOpen', 'predecessorId'];
/** Each of these alone makes validateEventSetup refuse the form, whatever the other fields say. */
const EVENT_POISONS = pick([
	['level', notIn(EVENT_LEVELS)],
	['title', fc.oneof(blankString, longString(201, 1000))],
	['topics', blankString],
	['delegations', blankString],
	['followUpDays', fc.oneof(hostileString.filter((s) => s.trim() !== '' && !/^\d{1,3}$/.test(s.trim())), fc.constantFrom('0', '366', '999'))],
	['date', hostileString.filter((s) => s !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(s))]
]);

test('event create and edit forms, and the event page actions, refuse hostile input', async () => {
	test.setTimeout(120_000);
	await fuzz('event create', fc.tuple(poisoned(EVENT_FIELDS, EVENT_POISONS), fc.boolean()), runs(150), async ([{ pairs, encoding }, signedIn]) => {
		const path = '/staff/events/new';
		expectRefused(await postForm(signedIn ? organiser : anonymous, path, pairs, encoding), { method: 'POST', path, label: `${encoding} ${signedIn}` });
	});
	await fuzz(
		'event edit',
		fc.tuple(poisoned(EVENT_FIELDS, EVENT_POISONS), fc.oneof({ weight: 3, arbitrary: fc.constant(eventId) }, { weight: 1, arbitrary: pathSegment }), fc.boolean()),
		runs(150),
		async ([{ pairs, encoding }, id, signedIn]) => {
			const path = `/staff/events/${id}/edit`;
			expectRefused(await postForm(signedIn ? organiser : anonymous, path, pairs, encoding), { method: 'POST', path, label: `${encoding} ${signedIn}` });
		}
	);
	const actions = fc.oneof(
		poisoned(['role', 'agencyId'], pick([['role', notIn(STAFF_ROLES)]])).map((form) => ({ action: 'invite', ...form })),
		poisoned(['target', 'item'], pick([['target', hostileString]])).map((form) => ({ action: 'forward', ...form })),
		fc
			.tuple(hostileFields(['target', 'item', 'role']), fc.constantFrom('nope', 'toString', 'constructor', '__proto__', 'valueOf', 'default', '', 'invite/..'))
			.map(([pairs, action]) => ({ action, pairs, encoding: 'urlencoded' as Encoding }))
	);
	await fuzz('event page actions', fc.tuple(actions, fc.boolean()), runs(120), async ([{ action, pairs, encoding }, signedIn]) => {
		const path = `/staff/events/${eventId}?/${action}`;
		expectRefused(await postForm(signedIn ? organiser : anonymous, path, pairs, encoding), { method: 'POST', path, label: `${encoding} ${signedIn}` });
	});
	// Rotating the screen link is a real change for the organiser: only strangers try it here.
	await fuzz('screen link rotation by a stranger', hostileFields(['key']), runs(20), async (pairs) => {
		const path = `/staff/events/${eventId}?/rotateScreen`;
		expectRefused(await postForm(anonymous, path, pairs), { method: 'POST', path, label: 'anonymous' });
	});
});

test('follow-up update and assign forms refuse hostile input', async () => {
	test.setTimeout(120_000);
	const updatePoisons = pick([
		['status', notIn(FOLLOW_UP_STATUSES)],
		['response', blankString],
		['response', longString(FOLLOW_UP_TEXT_MAX + 1, FOLLOW_UP_TEXT_MAX + 600)]
	]);
	const assignPoisons = pick([
		['agencyId', hostileString.filter((s) => s !== '' && s !== agencyId)],
		['dueDate', fc.oneof(hostileString.filter((s) => s.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(s.trim())), fc.constantFrom('2000-01-01', '1970-01-01', '2020-02-29'))]
	]);
	const forms = fc.oneof(
		poisoned(['status', 'response', 'reason', 'wayForward'], updatePoisons).map((form) => ({ action: 'update', ...form })),
		poisoned(['agencyId', 'dueDate'], assignPoisons).map((form) => ({ action: 'assign', ...form }))
	);
	await fuzz(
		'follow-up forms',
		fc.tuple(forms, fc.oneof({ weight: 4, arbitrary: fc.constant(followUpId) }, { weight: 1, arbitrary: pathSegment }), fc.boolean()),
		runs(200),
		async ([{ action, pairs, encoding }, id, signedIn]) => {
			// A poisoned status is the first pair; a poisoned response needs a status to be read at all.
			const body: Pairs = pairs[0][0] === 'response' ? [['status', 'fulfilled'], ...pairs] : pairs;
			const path = `/staff/follow-ups/${id}?/${action}`;
			expectRefused(await postForm(signedIn ? organiser : anonymous, path, body, encoding), { method: 'POST', path, label: `${encoding} ${signedIn}` });
		}
	);
});

test('exports, lists and the public outcome page serve hostile paths and queries without a 5xx', async () => {
	test.setTimeout(120_000);
	const formats = ['csv', 'xlsx', 'docx'];
	await fuzz(
		'exports',
		fc.tuple(
			fc.oneof({ weight: 2, arbitrary: fc.constant(eventId) }, { weight: 1, arbitrary: pathSegment }),
			fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...formats) }, { weight: 2, arbitrary: fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'CSV', 'csv%20', 'csv%00', 'csv%2F..', 'pdf', '') }, { weight: 1, arbitrary: pathSegment }),
			fc.boolean()
		),
		runs(120),
		async ([id, format, signedIn]) => {
			const path = `/staff/events/${id}/export/${format}`;
			const response = await (signedIn ? organiser : anonymous).get(path, { maxRedirects: 0 });
			expectServed(response, { method: 'GET', path, label: signedIn ? 'organiser' : 'anonymous' });
			// Only the three formats exist, for the event's organiser.
			if (!(formats.includes(format) && id === eventId && signedIn)) expect(response.status(), path).toBeGreaterThanOrEqual(300);
			else expect(response.headers()['content-disposition'], path).toMatch(new RegExp(`^attachment; filename="[a-z-]+-${joinCode}\\.${format}"$`));
		}
	);
	const query = fc.array(fc.tuple(fc.oneof(hostileKey, fc.constantFrom('event', 'year', 'level', 'agency', 'topic', 'status', 'overdue', 'from', 'code', 'to', 'back')), value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString());
	await fuzz(
		'lists and public pages',
		fc.tuple(fc.constantFrom('/staff/follow-ups', '/staff/follow-ups/export/csv', '/staff/follow-ups/export/xlsx', '/lang', '/staff/events/new', `/ket-qua/${joinCode}`, `/ket-qua/${DEMO_CODE.toLowerCase()}`, '/staff', `/staff/events/${eventId}`, '/'), query, fc.boolean()),
		runs(150),
		async ([page, search, signedIn]) => {
			const path = `${page}?${search}`;
			expectServed(await (signedIn ? organiser : anonymous).get(path, { maxRedirects: 0 }), { method: 'GET', path, label: signedIn ? 'organiser' : 'anonymous' });
		}
	);
});

test('broken bodies, other sites, odd content types and hostile cookies are refused without a 5xx', async ({ playwright }) => {
	test.setTimeout(120_000);
	const targets = ['/login', '/setup', `/j/${joinCode}?/join`, '/staff/events/new', `/staff/events/${eventId}/edit`, `/staff/events/${eventId}?/invite`, `/staff/follow-ups/${followUpId}?/update`, `/invite/${'a'.repeat(32)}?/create`];
	const bodies = fc.oneof(
		fc.constantFrom(
			{ type: 'text/plain', data: 'username=a&password=b' },
			{ type: 'text/plain;charset=utf-8', data: 'title=x\nlevel=commune' },
			{ type: 'multipart/form-data; boundary=zzz', data: 'garbage' },
			{ type: 'multipart/form-data', data: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--' },
			{ type: 'multipart/form-data; boundary=x', data: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated' },
			{ type: 'application/json', data: '{"username":"a","__proto__":{"polluted":1}}' },
			{ type: 'application/x-www-form-urlencoded', data: 'username=%E0%A4%A&password=%&%%%=%zz&__proto__[polluted]=1&constructor.prototype.polluted=1' },
			{ type: 'application/x-www-form-urlencoded', data: '&&&===&' },
			{ type: 'application/xml', data: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>' },
			{ type: '', data: 'username=a' }
		),
		fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => ({ type: 'application/x-www-form-urlencoded', data: Buffer.from(bytes) })),
		fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => ({ type: 'multipart/form-data; boundary=b', data: Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="title"\r\n\r\n'), Buffer.from(bytes), Buffer.from('\r\n--b--\r\n')]) }))
	);
	await fuzz('broken bodies', fc.tuple(fc.constantFrom(...targets), bodies, fc.boolean()), runs(150), async ([path, { type, data }, signedIn]) => {
		const headers: Record<string, string> = { accept: 'text/html', origin: ORIGIN };
		if (type) headers['content-type'] = type;
		// Signed in, the sign-in page's load sends a failed sign-in on to /staff: strangers post there.
		const context = signedIn && !['/login', '/setup'].includes(path) ? organiser : anonymous;
		expectRefused(await context.post(path, { data, headers, maxRedirects: 0 }), { method: 'POST', path, label: type });
	});

	await fuzz('over the body size limit', fc.tuple(fc.constantFrom(...targets), fc.integer({ min: 512 * 1024 + 1, max: 1_200_000 })), runs(10), async ([path, size]) => {
		const response = await organiser.post(path, {
			data: `title=${'a'.repeat(size)}`,
			headers: { accept: 'text/html', origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0
		});
		expect(response.status(), path).toBe(413);
	});

	await fuzz(
		'forms from other sites',
		fc.tuple(fc.constantFrom(...targets), fc.constantFrom<string | null>('http://evil.example', 'null', `${ORIGIN}.evil.example`, ORIGIN.replace('http:', 'https:'), `${ORIGIN}/`, ' ', null), hostileFields(['title', 'username'])),
		runs(80),
		async ([path, origin, pairs]) => {
			const response = await postForm(organiser, path, pairs, 'urlencoded', origin);
			expect(response.status(), `${path} from ${origin}`).toBe(403);
		}
	);

	const cookieValue = fc.oneof(hostileString.map(segment), fc.constantFrom('', 'a'.repeat(32), '"quoted"', 'x; dd_staff=y', '%00', 'a'.repeat(4000)));
	// One cookie-less context, the cookies sent as a header: first proven to be honoured.
	const bare = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
	const staffToken = (await organiser.storageState()).cookies.find((c) => c.name === 'dd_staff')!.value;
	expect((await bare.get('/staff', { headers: { cookie: `dd_staff=${staffToken}` }, maxRedirects: 0 })).status()).toBe(200);
	await fuzz(
		'hostile cookies',
		fc.tuple(fc.constantFrom('/', `/j/${joinCode}`, '/staff', `/staff/events/${eventId}`, '/staff/follow-ups', `/ket-qua/${joinCode}`), fc.record({ dd_staff: cookieValue, dd_participant: cookieValue, dd_locale: cookieValue })),
		runs(120),
		async ([path, cookies]) => {
			const cookie = Object.entries(cookies)
				.map(([k, v]) => `${k}=${v}`)
				.join('; ');
			const response = await bare.get(path, { headers: { cookie }, maxRedirects: 0 });
			expectServed(response, { method: 'GET', path, label: cookie.slice(0, 100) });
			// A forged staff cookie never reaches a staff page.
			if (path.startsWith('/staff')) expect(response.status(), path).not.toBe(200);
		}
	);
	// No session from forged cookies; the join page's device cookie (join-failure budget) is no session.
	expect((await bare.storageState()).cookies.filter((c) => c.value !== '' && c.name !== 'dd_device')).toEqual([]);
	await bare.dispose();
});

test('afterwards: nothing changed but the refusal log, and the site still works', async ({ playwright }) => {
	expect(snapshotDatabase(E2E_DATABASE_PATH, ['audit_log'])).toEqual(before);
	// The log holds refusals, and the organiser's own downloads of the real exports.
	for (const row of auditRowsAfter(E2E_DATABASE_PATH, auditBefore))
		if (row.outcome !== 'refused') expect(row, JSON.stringify(row)).toMatchObject({ action: 'report:export', outcome: 'done' });

	await expectUp();
	const fresh = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
	const signedIn = await postForm(fresh, '/login', [
		['username', ORGANISER.username],
		['password', ORGANISER.password]
	]);
	expect(signedIn.headers()['location']).toBe('/staff');
	expect((await fresh.get(`/j/${joinCode}`)).status()).toBe(200);
	expect((await fresh.get(`/ket-qua/${joinCode}`)).status()).toBe(200);
	await fresh.dispose();

	const total = [...counts.values()].reduce((a, b) => a + b, 0);
	console.log(`HTTP fuzz: ${total} requests (${[...counts].map(([g, n]) => `${g} ${n}`).join(', ')}); ${timings.join(', ')}`);
	expect(total).toBeGreaterThan(runs(1500));
});
