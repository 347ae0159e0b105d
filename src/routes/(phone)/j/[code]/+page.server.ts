import { error, redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { publicDetails, type EventDetails } from '$lib/domain/event';
import { AGE_BANDS, GENDERS, type Participant } from '$lib/domain/participant';
import { formatSeatCode, normaliseSeatCode } from '$lib/domain/seat';
import { m } from '$lib/paraglide/messages.js';
import type { Cookies } from '@sveltejs/kit';
import { setParticipantCookie } from '$lib/server/auth/cookies';
import { DEVICE_COOKIE, generateSessionToken, JOIN_KEY_COOKIE, TOKEN_PATTERN } from '$lib/server/auth/participant-session';
import type { JoinClient } from '$lib/server/services/session-service';
import { forumApp } from '$lib/server/runtime';
import { parsePayload, setVoteSchema, submitSubmissionSchema } from '$lib/server/realtime/schemas';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const cookieOptions = (url: URL, path = '/') => ({ path, httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' });

/**
 * Who asks: the address, the phone's device cookie (given on its first visit, so one phone's typos
 * stop only that phone) and the QR code's key, from the link or from the cookie the link left for
 * the join form's POST.
 */
function joinClient(cookies: Cookies, url: URL, address: string): JoinClient {
	let device = cookies.get(DEVICE_COOKIE);
	if (!device || !TOKEN_PATTERN.test(device)) {
		// A phone without one yet spends only the address's budget on this request.
		cookies.set(DEVICE_COOKIE, generateSessionToken(), { ...cookieOptions(url), expires: new Date(Date.now() + YEAR_MS) });
		device = undefined;
	}
	const joinKey = url.searchParams.get('k') ?? cookies.get(JOIN_KEY_COOKIE) ?? null;
	return { address, device: device ?? null, joinKey: joinKey && /^[a-z2-7]{26}$/.test(joinKey) ? joinKey : null };
}

/** Unknown codes count against the device, the address and the server; past a limit it waits a minute (429). */
async function findEvent(code: string, client: JoinClient, participant: Participant | null) {
	const app = await forumApp();
	const found = await app.sessions.findEvent(code, client, participant);
	if (!found.ok && found.error.code === 'too_many_attempts')
		error(429, { message: 'too_many_attempts', kind: 'too_many_attempts' });
	if (!found.ok) error(404, { message: 'unknown_event', kind: 'unknown_event', code: code.slice(0, 12) });
	return { app, event: found.data };
}

/**
 * The join form's optional parts, translated here rather than on the phone: they cost the phone's
 * JavaScript budget nothing (the language switch reloads the page).
 */
function joinExtras(event: EventDetails, seat: { code: string; delegationName: string | null } | null, error: string | null, full: boolean) {
	return {
		error,
		seat: event.seatCodes || full
			? {
					label: m.join_seat_label(),
					code: seat?.code ?? '',
					delegation: seat?.delegationName ? m.join_card_delegation({ name: seat.delegationName }) : null
				}
			: null,
		why: event.askAgeBand || event.askGender ? m.join_personal_why() : null,
		questions: [
			event.askAgeBand && {
				name: 'ageBand',
				legend: m.join_age_legend(),
				options: AGE_BANDS.map((band) => ({ value: band, label: m.join_age_band({ band: band.replace('-', '–') }) }))
			},
			event.askGender && {
				name: 'gender',
				legend: m.join_gender_legend(),
				options: GENDERS.map((gender) => ({ value: gender, label: m[`gender_${gender}`]() }))
			}
		].filter((q) => q !== false)
	};
}

export const load = async ({ params, locals, url, cookies, getClientAddress }) => {
	const client = joinClient(cookies, url, getClientAddress());
	const { app, event } = await findEvent(params.code, client, locals.participant);
	if (event.code !== params.code) redirect(308, `/j/${event.code}${url.search}`);
	const participant = locals.participant?.eventId === event.id ? locals.participant : null;
	// Came through the QR code: keep its key for the join form's POST (whose URL drops the query).
	if (!participant && client.joinKey && client.joinKey === app.sessions.joinKey(event) && url.searchParams.has('k'))
		cookies.set(JOIN_KEY_COOKIE, client.joinKey, { ...cookieOptions(url, `/j/${event.code}`), maxAge: 60 * 60 });
	const full = !participant && !event.seatCodes && (await app.sessions.full(event));
	// A scanned card: check it now, so a used or wrong card is refused before the child fills anything in.
	let seat: { code: string; delegationName: string | null } | null = null;
	let seatError: string | null = null;
	const seatParam = url.searchParams.get('seat');
	if (!participant && (event.seatCodes || full) && seatParam) {
		const info = await app.sessions.seatInfo(event, seatParam, client);
		if (info.ok) {
			const code = formatSeatCode(normaliseSeatCode(seatParam));
			seat = { code, delegationName: event.delegations.find((d) => d.id === info.data.delegationId)?.name ?? null };
		} else seatError = info.error.code;
	}
	return {
		event: publicDetails(event),
		participant: participant && {
			id: participant.id,
			delegationId: participant.delegationId,
			nickname: participant.nickname
		},
		snapshot: participant ? await app.snapshots.participant(participant) : null,
		extras: participant ? null : joinExtras(event, seat, seatError ?? (full ? 'event_full' : null), full)
	};
};

/**
 * The room's forms before its scripts arrive (or where they never do): the same service calls, limits
 * and text checks as the live channel's commands, and the same idempotency key (the draft's id, a
 * hidden field), so a post sent twice stores one item. Once the room is live, its scripts take
 * these forms over and send through the socket instead.
 */
async function joinedChild(params: { code: string }, cookies: Cookies, url: URL, locals: App.Locals, address: string) {
	const { app, event } = await findEvent(params.code, joinClient(cookies, url, address), locals.participant);
	// Not (or no longer) a child of this event: the join form, as the page itself would show.
	if (locals.participant?.eventId !== event.id) redirect(303, `/j/${event.code}`);
	return { app, event, participant: locals.participant };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	submit: async ({ request, params, cookies, url, locals, getClientAddress }) => {
		const address = getClientAddress();
		const { app, event, participant } = await joinedChild(params, cookies, url, locals, address);
		const form = await request.formData();
		const draft = { id: field(form, 'id'), kind: field(form, 'kind'), topicId: field(form, 'topicId'), agencyId: field(form, 'agencyId'), text: field(form, 'text') };
		// No topic chosen reads as the service's "choose a topic", not as a malformed post.
		const input = parsePayload(submitSubmissionSchema, { ...draft, topicId: draft.topicId || '-', agencyId: draft.agencyId || null });
		const stored = input.ok ? await app.submissions.submit(participant, input.data, null, address) : null;
		const code = !input.ok ? input.code : stored && !stored.ok ? stored.error.code : null;
		// Handed back with what the child wrote, so nothing is lost; the same id unless someone else holds it.
		if (code) return refused(code, { draft: { ...draft, id: code === 'id_conflict' ? '' : draft.id } });
		redirect(303, `/j/${event.code}#mine-heading`);
	},
	vote: async ({ request, params, cookies, url, locals, getClientAddress }) => {
		const address = getClientAddress();
		const { app, event, participant } = await joinedChild(params, cookies, url, locals, address);
		// The tapped button's value: the item's id and what the tap asks for.
		const [submissionId = '', wanted = ''] = field(await request.formData(), 'vote').split(':');
		if (wanted !== 'on' && wanted !== 'off') return refused('invalid_payload', { voteFailed: true });
		const input = parsePayload(setVoteSchema, { submissionId, voted: wanted === 'on' });
		if (!input.ok) return refused(input.code, { voteFailed: true });
		const voted = await app.votes.setVote(participant, input.data, address);
		if (!voted.ok) return refused(voted.error.code, { voteFailed: true });
		redirect(303, `/j/${event.code}#feed-heading`);
	},
	join: async ({ request, params, cookies, url, locals, getClientAddress }) => {
		const client = joinClient(cookies, url, getClientAddress());
		const { app, event } = await findEvent(params.code, client, locals.participant);
		// A phone that already has a session for this event gets that session back, not a new child.
		if (locals.participant?.eventId === event.id) redirect(303, `/j/${event.code}`);
		const form = await request.formData();
		const input = {
			delegationId: String(form.get('delegationId') ?? ''),
			nickname: String(form.get('nickname') ?? ''),
			showNickname: form.get('showNickname') === 'on',
			seat: String(form.get('seat') ?? ''),
			ageBand: String(form.get('ageBand') ?? ''),
			gender: String(form.get('gender') ?? '')
		};
		const joined = await app.sessions.join(event, input, client);
		if (!joined.ok) {
			return refused(joined.error.code, input);
		}
		setParticipantCookie(cookies, url, joined.data.token, joined.data.expiresAt);
		redirect(303, `/j/${event.code}`);
	}
};
