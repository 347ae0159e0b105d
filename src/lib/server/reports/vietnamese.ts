import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';

/**
 * Renders in Vietnamese whatever the requesting organiser's interface language: reports are filed
 * with Vietnamese authorities. `render` must be synchronous, so no other request's messages are
 * rendered while the locale is overridden.
 */
export function inVietnamese<T>(render: () => T): T {
	const previous = getLocale;
	overwriteGetLocale(() => 'vi');
	try {
		return render();
	} finally {
		overwriteGetLocale(previous);
	}
}
