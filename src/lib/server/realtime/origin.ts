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

/**
 * Whether a request's Host names this server: a configured name (the hosts of ORIGIN and
 * PUBLIC_ORIGIN, and ALLOWED_HOSTS, comma-separated), or an address on the hall's network (a private,
 * loopback or link-local IP, localhost, a `.local` name, or a single-label name from the hall's
 * router). A DNS-rebinding page (a public name of the attacker's, re-pointed at the server's LAN
 * address) sends Origin and Host that agree, so `isSameOrigin` alone lets it in; its Host is a
 * public name, which this refuses.
 */
export function isAllowedHost(hostHeader: string | undefined, env: Record<string, string | undefined> = process.env): boolean {
	const name = hostnameOf(hostHeader);
	if (!name) return false;
	if (configuredHosts(env).has(name)) return true;
	if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
	if (isLanIPv4(name) || isLanIPv6(name)) return true;
	// A single label ("dien-dan"): only the hall's own DNS can answer for it, never a public one.
	return /^[a-z0-9-]+$/.test(name) && !/^\d+$/.test(name);
}

/** The host name of a Host header, lower case, without the port or an IPv6 literal's brackets. */
function hostnameOf(hostHeader: string | undefined): string | null {
	if (!hostHeader) return null;
	try {
		return new URL(`http://${hostHeader}`).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
	} catch {
		return null;
	}
}

let configured: { key: string; hosts: Set<string> } | null = null;
function configuredHosts(env: Record<string, string | undefined>): Set<string> {
	const key = [env.ORIGIN, env.PUBLIC_ORIGIN, env.ALLOWED_HOSTS].join('\n');
	if (configured?.key === key) return configured.hosts;
	const hosts = new Set<string>();
	for (const origin of [env.ORIGIN, env.PUBLIC_ORIGIN]) {
		const name = origin ? hostnameOf(origin.replace(/^[a-z]+:\/\//i, '').split('/')[0]) : null;
		if (name) hosts.add(name);
	}
	for (const entry of (env.ALLOWED_HOSTS ?? '').split(',')) {
		const name = hostnameOf(entry.trim());
		if (name) hosts.add(name);
	}
	configured = { key, hosts };
	return hosts;
}

function isLanIPv4(name: string): boolean {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
	if (!m) return false;
	const [a, b] = [Number(m[1]), Number(m[2])];
	if (m.slice(1).some((part) => Number(part) > 255)) return false;
	return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function isLanIPv6(name: string): boolean {
	if (!name.includes(':')) return false;
	if (name === '::1') return true;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name);
	if (mapped) return isLanIPv4(mapped[1]);
	// Unique local (fc00::/7) and link-local (fe80::/10).
	return /^f[cd][0-9a-f]{0,2}:/.test(name) || /^fe[89ab][0-9a-f]?:/.test(name);
}
