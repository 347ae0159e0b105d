/**
 * Through the phone's own path (a socket, the join service): what the outside test sent and was
 * accepted. Invisible-only texts are refused as empty, a Hangul-filler nickname is no nickname, and
 * an emoji-only item waits for review with moderation off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(() => server?.close());

describe('what a phone sends that shows as nothing', () => {
	it('an item of only invisible characters is refused as empty, an emoji-only one waits for review, a Hangul-filler nickname is none', async () => {
		server = await startTestServer({ moderation: false });
		const { token } = await server.join();
		const phone = await server.connected({ token });
		const send = (text: string) =>
			phone.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind: 'question', topicId: server.event.topics[0].id, agencyId: null, text });

		for (const text of ['\u2060\u2060', '\uFEFF', '\u3164\u3164\u3164', '\u2800\u2800']) {
			expect(await send(text), JSON.stringify(text)).toEqual({ ok: false, error: { code: 'text_empty' } });
		}
		const emoji = await send('😀😀😀');
		expect(emoji.ok && emoji.data.status).toBe('pending');
		const words = await send('Em thích 😀');
		expect(words.ok && words.data.status).toBe('approved');

		const filler = await server.join(0, '\u3164\u3164');
		expect(filler.participant.nickname).toBeNull();
	});
});
