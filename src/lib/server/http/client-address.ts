/**
 * The child's address for a live connection, read as adapter-node reads it for pages and forms
 * (`getClientAddress()`): behind nginx every socket comes from 127.0.0.1, so with
 * ADDRESS_HEADER=X-Forwarded-For the address is the XFF_DEPTH-th from the right of that header,
 * the one our own proxy wrote. The per-address ceilings then count halls, not the proxy.
 * Without ADDRESS_HEADER (one process, no proxy) it is the connection's own address.
 */
export function clientAddress(
	handshake: { address: string; headers: Record<string, string | string[] | undefined> },
	env: Record<string, string | undefined> = process.env
): string {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	const raw = header ? handshake.headers[header] : undefined;
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (!header || !value) return handshake.address;
	if (header !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',');
	const depth = Math.max(1, Number.parseInt(env.XFF_DEPTH ?? '1', 10) || 1);
	return addresses[Math.max(0, addresses.length - depth)].trim() || handshake.address;
}
