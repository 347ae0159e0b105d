import type { EventSetupInput } from '$lib/domain/event-setup';

/** Reads the event setup form the same way for creating, copying and editing. */
export function readEventSetupForm(form: FormData): EventSetupInput {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		title: text('title'),
		level: text('level'),
		organisingUnit: text('organisingUnit'),
		venue: text('venue'),
		date: text('date'),
		theme: text('theme'),
		topics: text('topics'),
		delegations: text('delegations'),
		agencies: text('agencies'),
		agenda: text('agenda'),
		followUpDays: text('followUpDays'),
		wordFilter: text('wordFilter'),
		moderation: form.get('moderation') === 'on',
		allowNicknames: form.get('allowNicknames') === 'on',
		joinOpen: form.get('joinOpen') === 'on',
		seatCodes: form.get('seatCodes') === 'on',
		askAgeBand: form.get('askAgeBand') === 'on',
		askGender: form.get('askGender') === 'on',
		expectedChildren: text('expectedChildren'),
		personalDataConsent: form.get('personalDataConsent') === 'on'
	};
}
