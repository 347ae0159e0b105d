/**
 * A handshake is accepted from our own pages, or from clients that send no Origin at all
 * (native clients, the benchmark); a browser page on another site always sends one.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}
