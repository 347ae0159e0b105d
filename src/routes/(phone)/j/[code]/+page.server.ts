import { error, redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { publicDetails, type EventDetails } from '$lib/domain/event';
import { AGE_BANDS, GENDERS, type Participant } from '$lib/domain/participant';
import { formatSeatCode, normaliseSeatCode } from '$lib/domain/seat';
import { m } from '$lib/paraglide/messages.js';
import { setParticipantCookie } from '$lib/server/auth/cookies';
import { forumApp } from '$lib/server/runtime';

/** Unknown codes count against the address; past the limit it waits a minute (429). */
async function findEvent(code: string, clientKey: string, participant: Participant | null) {
	const app = await forumApp();
	const found = await app.sessions.findEvent(code, clientKey, participant);
	if (!found.ok && found.error.code === 'too_many_attempts')
		error(429, { message: 'too_many_attempts', kind: 'too_many_attempts' });
	if (!found.ok) error(404, { message: 'unknown_event', kind: 'unknown_event', code: code.slice(0, 12) });
	return { app, event: found.data };
}

/**
 * The join form's optional parts, translated here rather than on the phone: they cost the phone's
 * JavaScript budget nothing (the language switch reloads the page).
 */
function joinExtras(event: EventDetails, seat: { code: string; delegationName: string | null } | null, error: string | null) {
	return {
		error,
		seat: event.seatCodes
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

export const load = async ({ params, locals, url, getClientAddress }) => {
	const { app, event } = await findEvent(params.code, getClientAddress(), locals.participant);
	if (event.code !== params.code) redirect(308, `/j/${event.code}${url.search}`);
	const participant = locals.participant?.eventId === event.id ? locals.participant : null;
	// A scanned card: check it now, so a used or wrong card is refused before the child fills anything in.
	let seat: { code: string; delegationName: string | null } | null = null;
	let seatError: string | null = null;
	const seatParam = url.searchParams.get('seat');
	if (!participant && event.seatCodes && seatParam) {
		const info = await app.sessions.seatInfo(event, seatParam, getClientAddress());
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
		extras: participant ? null : joinExtras(event, seat, seatError)
	};
};

export const actions = {
	join: async ({ request, params, cookies, url, locals, getClientAddress }) => {
		const { app, event } = await findEvent(params.code, getClientAddress(), locals.participant);
		const form = await request.formData();
		const input = {
			delegationId: String(form.get('delegationId') ?? ''),
			nickname: String(form.get('nickname') ?? ''),
			showNickname: form.get('showNickname') === 'on',
			seat: String(form.get('seat') ?? ''),
			ageBand: String(form.get('ageBand') ?? ''),
			gender: String(form.get('gender') ?? '')
		};
		const joined = await app.sessions.join(event, input, getClientAddress());
		if (!joined.ok) {
			return refused(joined.error.code, input);
		}
		setParticipantCookie(cookies, url, joined.data.token, joined.data.expiresAt);
		redirect(303, `/j/${event.code}`);
	}
};
