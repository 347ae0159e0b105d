/**
 * SIGKILL of one app process in the middle of a vote storm, behind nginx: its phones come back
 * through nginx to the other process by themselves, nothing acknowledged is lost or stored twice,
 * the screens' counts match the database, and the once-only work (the vote ticks) moves over.
 */
import { loadavg } from 'node:os';
import { expect, test, type TestInfo } from '@playwright/test';
import { connected, joinChild, sleep, startCluster, waitFor, type AppProcess, type Cluster } from './cluster';
import { participantOf, RealScreen, SimulatedPhone, storedState, tickOwnerPid } from './clients';

let cluster: Cluster | null = null;
test.afterEach(async ({}, testInfo) => {
	if (cluster && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('cluster-log', { body: cluster.logs(), contentType: 'text/plain' });
	await cluster?.dispose();
	cluster = null;
});

function report(testInfo: TestInfo, type: string, description: string) {
	testInfo.annotations.push({ type, description });
	console.log(`[${testInfo.title}] ${type}: ${description}`);
}

test('SIGKILL of the process that owns the ticks, during a vote storm: phones move to the other, nothing lost or doubled, counts agree', async ({}, testInfo) => {
	test.setTimeout(240_000);
	const CHILDREN = 30;
	const c = (cluster = await startCluster('kill'));
	const { event } = c;
	const phones: SimulatedPhone[] = [];
	const screens: RealScreen[] = [];
	let storming = true;
	try {
		const lanes = { A: [] as string[], B: [] as string[] };
		const cookies: string[] = [];
		for (let i = 0; i < CHILDREN; i++) cookies.push(await joinChild(c, event.delegations[i % event.delegations.length]));
		for (const [i, cookie] of cookies.entries()) {
			const lane = await c.laneOn(i % 2 ? c.b : c.a);
			lanes[i % 2 ? 'B' : 'A'].push(lane);
			// A third on long-polling first (the browser's way, where stickiness matters), the rest websocket only.
			phones.push(new SimulatedPhone(c, `em ${i + 1}`, await participantOf(c, cookie), lane, cookie, i % 3 === 0 ? ['polling', 'websocket'] : ['websocket']));
		}
		screens.push(await RealScreen.open(c, await c.laneOn(c.a)), await RealScreen.open(c, await c.laneOn(c.b)));
		await Promise.all([...phones.map((p) => connected(p.socket)), ...screens.map((s) => connected(s.socket))]);
		await waitFor('every phone to sync', () => phones.every((p) => p.syncs === 1), 15_000);

		// Some items to vote on before the storm.
		for (const phone of phones.slice(0, 6)) phone.write(event.topics[0]);
		await waitFor('the first items to be acknowledged', () => phones.slice(0, 6).every((p) => p.ackedItems.size === 1), 15_000);

		const storm = (async () => {
			while (storming) {
				for (const phone of phones) {
					if (phone.canWrite && Math.random() < 0.04) phone.write(event.topics[Math.floor(Math.random() * event.topics.length)]);
					if (Math.random() < 0.15) void phone.vote();
				}
				await sleep(100);
			}
		})();
		const ackedItems = () => phones.reduce((n, p) => n + p.ackedItems.size, 0);
		const ackedVotes = () => phones.reduce((n, p) => n + p.ackedVotes.size, 0);
		await sleep(3000);
		await waitFor('20 items and 50 votes acknowledged', () => ackedItems() >= 20 && ackedVotes() >= 50, 60_000);

		// The victim is whichever process owns the event's ticks now: its death must hand them over.
		const ownerPid = await tickOwnerPid(c);
		expect(ownerPid, 'a process owns the event’s ticks (a lease in Redis)').not.toBeNull();
		const victim: AppProcess = ownerPid === c.a.pid() ? c.a : c.b;
		const survivor: AppProcess = victim === c.a ? c.b : c.a;
		expect(ownerPid).toBe(victim.pid());
		const victimPhones = phones.filter((p) => lanes[victim.name].includes(p.lane));
		const connectsAtKill = phones.map((p) => p.connects);
		const screenConnectsAtKill = screens.map((s) => s.connects);
		await victim.stop('SIGKILL');
		const killedAt = Date.now();
		const ackedItemsAtKill = phones.flatMap((p) => [...p.ackedItems.keys()].map((id) => ({ phone: p, id })));
		const ackedVotesAtKill = phones.flatMap((p) => [...p.ackedVotes].map((id) => ({ phone: p, id })));

		// The victim's phones (and its screen) come back by themselves, through nginx, to the survivor.
		await waitFor(
			`the ${victimPhones.length} phones of ${victim.name} to reconnect and resync`,
			() => phones.every((p, i) => !victimPhones.includes(p) || (p.connects > connectsAtKill[i] && p.syncs === p.connects)),
			30_000
		);
		const backAt = Date.now();
		const victimScreen = screens[victim === c.a ? 0 : 1];
		await waitFor('the screen of the dead process to reconnect', () => victimScreen.connects > screenConnectsAtKill[victim === c.a ? 0 : 1], 30_000);
		for (const phone of victimPhones) expect(await c.processOf(phone.lane)).toBe(survivor);

		// The ticks move to the survivor within a few seconds (the lease's time to live).
		await waitFor('the survivor to own the ticks', async () => (await tickOwnerPid(c)) === survivor.pid(), 10_000, 200);
		const movedAt = Date.now();

		await sleep(3000);
		storming = false;
		await storm;
		await waitFor('every outbox to empty', () => phones.every((p) => p.settled), 60_000).catch((error) => {
			throw new Error(`${error.message}\n${phones.filter((p) => !p.settled).map((p) => p.state).join('\n')}`);
		});

		const stored = await storedState(c);
		const byId = new Map(stored.items.map((item) => [item.id, item]));
		const votes = new Set(stored.votes.map((v) => `${v.submissionId}/${v.participantId}`));
		const problems: string[] = [];
		const check = (ok: boolean, problem: () => string) => ok || problems.push(problem());
		for (const { phone, id } of ackedItemsAtKill)
			check(byId.get(id)?.participantId === phone.participantId && byId.get(id)?.text === phone.ackedItems.get(id)?.text, () => `item ${id} of ${phone.name} lost`);
		for (const { phone, id } of ackedVotesAtKill) check(votes.has(`${id}/${phone.participantId}`), () => `vote of ${phone.name} on ${id} lost`);
		for (const phone of phones)
			for (const id of phone.ackedVotes) check(votes.has(`${id}/${phone.participantId}`), () => `vote of ${phone.name} on ${id} lost after the kill`);
		const texts = new Map<string, number>();
		for (const item of stored.items) texts.set(item.text, (texts.get(item.text) ?? 0) + 1);
		for (const [text, n] of texts) check(n === 1, () => `stored ${n} times: ${text}`);
		const acked = new Set(phones.flatMap((p) => [...p.ackedItems.keys()]));
		check(stored.items.length === acked.size && stored.items.every((i) => acked.has(i.id)), () => `stored items ${stored.items.length} ≠ confirmed items ${acked.size}`);
		const phoneOf = new Map(phones.map((p) => [p.participantId, p]));
		for (const v of stored.votes) check(phoneOf.get(v.participantId)?.triedVotes.has(v.submissionId) ?? false, () => `a vote nobody sent: ${v.submissionId}`);
		for (const item of stored.items) check(item.votes === item.rows, () => `item ${item.id} counts ${item.votes} for ${item.rows} votes`);
		for (const phone of phones) for (const refusal of phone.refusals.filter((r) => !r.endsWith('(retried)'))) problems.push(`${phone.name}: ${refusal}`);
		expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);

		// Every screen (the survivor's own, and the one that moved) shows the database's counts.
		await waitFor(
			'both screens to show the stored counts',
			() => screens.every((s) => stored.items.every((item) => s.items.get(item.id) === item.rows)),
			5_000
		).catch((error) => {
			const atKill = new Set(ackedItemsAtKill.map((a) => a.id));
			const wrong = screens.flatMap((s, i) =>
				stored.items
					.filter((item) => s.items.get(item.id) !== item.rows)
					.map((item) => {
						const author = phones.find((p) => p.participantId === item.participantId);
						const side = author && lanes[victim.name].includes(author.lane) ? `a phone of ${victim.name}` : `a phone of ${survivor.name}`;
						return `screen on ${i ? 'B' : 'A'}: ${s.items.get(item.id)} votes ≠ ${item.rows} on an item by ${side}, ${atKill.has(item.id) ? 'acknowledged before the kill' : 'acknowledged after it'}`;
					})
			);
			throw new Error(`${error.message}\n${wrong.slice(0, 10).join('\n')}`);
		});

		report(testInfo, 'acknowledged before the kill', `${ackedItemsAtKill.length} items, ${ackedVotesAtKill.length} votes (all stored once)`);
		report(testInfo, 'stored in the end', `${stored.items.length} items, ${stored.votes.length} votes`);
		report(
			testInfo,
			'after the kill',
			`${victimPhones.length} phones of ${victim.name} back on ${survivor.name} in ${backAt - killedAt} ms; ticks owned by ${survivor.name} after ${movedAt - killedAt} ms; load average ${loadavg()[0].toFixed(1)}`
		);
	} finally {
		storming = false;
		for (const phone of phones) phone.socket.disconnect();
		for (const screen of screens) screen.close();
	}
});
