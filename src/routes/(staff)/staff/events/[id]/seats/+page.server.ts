import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { refused, staffEvent } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/** The organiser's seat codes: counts per delegation, and a new batch of cards to print at once. */
export const load = async ({ params, locals }) => {
	const { app, actor, event } = await staffEvent(locals, 'seats:manage', params.id);
	const counts = await app.seats.overview(actor, params.id);
	if (!counts) error(404, { message: 'unknown_event' });
	const nameOf = new Map(event.delegations.map((d) => [d.id, d.name]));
	return {
		event: { id: event.id, title: event.title, code: event.code, seatCodes: event.seatCodes, delegations: event.delegations },
		counts: counts.map((row) => ({ ...row, delegationName: row.delegationId ? (nameOf.get(row.delegationId) ?? '') : null }))
	};
};

export const actions = {
	generate: async ({ request, params, locals, url }) => {
		const form = await request.formData();
		const app = await forumApp();
		const delegationId = String(form.get('delegationId') ?? '') || null;
		const count = Number(form.get('count') ?? '');
		const made = await app.seats.generate(locals.staff?.actor ?? null, params.id, { delegationId, count });
		if (!made.ok) return refused(made.error.code);
		const event = await app.reads.eventFor(locals.staff?.actor ?? null, 'seats:manage', params.id);
		// Each card's QR opens the join page with its seat code: scanning is all a child does.
		const cards = await Promise.all(
			made.data.cards.map(async (card) => {
				const joinUrl = `${url.origin}/j/${event!.code}?seat=${card.code}`;
				return { ...card, joinUrl, qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
			})
		);
		return { cards };
	}
};
