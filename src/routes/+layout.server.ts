import { phoneWords } from '$lib/server/phone-words';

/**
 * The words of the phone's pages and of the components staff pages share with them (the language
 * switch, the error page), in this visitor's language only: the phone's scripts carry none
 * ($lib/phone-messages).
 */
export const load = () => ({ phone: phoneWords() });
