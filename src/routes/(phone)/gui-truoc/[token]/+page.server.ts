import { error } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { readPreEventItem } from '$lib/server/forms/pre-event-form';
import { forumApp } from '$lib/server/runtime';

/**
 * A delegation chaperone's private page (no account): the token in the address is the only key.
 * Plain HTML forms, no JavaScript: it works on any phone, and nothing is sent twice by a double tap
 * that a script would have to guard against.
 */
export const load = async ({ params, setHeaders }) => {
	// The address is a key: never hand it to another site in a Referer header.
	setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	const view = await (await forumApp()).preEvent.chaperoneView(params.token);
	if (!view.ok) error(404, { message: view.error.code, kind: 'link_invalid' });
	return { view: view.data };
};

const failure = (code: string) => refused(code);

export const actions = {
	send: async ({ request, params }) => {
		const input = readPreEventItem(await request.formData());
		if (!input.ok) return failure(input.error.code);
		const sent = await (await forumApp()).preEvent.send(params.token, input.data);
		return sent.ok ? { done: 'sent' as const } : failure(sent.error.code);
	},
	edit: async ({ request, params }) => {
		const form = await request.formData();
		const input = readPreEventItem(form);
		if (!input.ok) return failure(input.error.code);
		const edited = await (await forumApp()).preEvent.edit(params.token, String(form.get('itemId') ?? ''), input.data);
		return edited.ok ? { done: 'saved' as const } : failure(edited.error.code);
	},
	withdraw: async ({ request, params }) => {
		const form = await request.formData();
		const withdrawn = await (await forumApp()).preEvent.withdraw(params.token, String(form.get('itemId') ?? ''));
		return withdrawn.ok ? { done: 'withdrawn' as const } : failure(withdrawn.error.code);
	}
};
