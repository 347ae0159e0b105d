import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { publicDetails } from '$lib/domain/event';
import { joinKeyOf } from '$lib/server/auth/participant-session';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, url }) => {
	const app = await forumApp();
	const event = await app.events.findByDisplayKey(params.key);
	if (!event) error(404, { message: 'unknown_screen', kind: 'unknown_screen' });
	// The QR carries the address the screen itself was opened on: open the screen on the
	// hall network's address (the one the server prints) and phones can reach it.
	// Its long key is never throttled: a hall scanning it gets in even while guessers wait.
	const joinUrl = `${url.origin}/j/${event.code}?k=${joinKeyOf(event.displayKey)}`;
	const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return {
		event: publicDetails(event),
		displayKey: params.key,
		joinUrl,
		joinHost: url.host,
		qrSvg,
		snapshot: await app.snapshots.display(event.id)
	};
};
