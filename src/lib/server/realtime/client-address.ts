/**
 * The address a live connection comes from, read as SvelteKit's adapter-node reads it for the
 * pages: behind a front (nginx in front of several processes) every socket's own address is the
 * front's, which would put a whole province's children under one address's caps and ceilings.
 * ADDRESS_HEADER (e.g. X-Forwarded-For, which the shipped nginx config sets) and XFF_DEPTH (which
 * entry from the right: 1 = the address the front saw) name the real one; the same variables the
 * pages use, so a child is one address for both. Without them, or without the header, the
 * socket's own address.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(
	handshake: { address: string; headers: IncomingHttpHeaders },
	env: Record<string, string | undefined> = process.env
): string {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	const value = header ? handshake.headers[header] : undefined;
	if (typeof value !== 'string' || !value.trim()) return handshake.address;
	if (header !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',').map((a) => a.trim());
	const depth = Number(env.XFF_DEPTH ?? 1);
	// A header shorter than the configured depth did not come through the front: trust the socket.
	if (!Number.isInteger(depth) || depth < 1 || depth > addresses.length) return handshake.address;
	return addresses[addresses.length - depth] || handshake.address;
}
