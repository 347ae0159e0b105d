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
 * PUBLIC_ORIGIN, and ALLOWED_HOSTS, comma-separated), a name only the hall's network resolves
 * (localhost, a `.local` name, a single-label name from the hall's router), or an IP address. A
 * DNS-rebinding page (a public name of the attacker's, re-pointed at the server's LAN address)
 * sends Origin and Host that agree, so `isSameOrigin` alone lets it in; its Host is a public name,
 * which this refuses. An IP address cannot be rebound (there is no name to re-point): a browser
 * sends one only when it was sent to that address itself, so any is accepted, which keeps a server
 * reached by its public address working without configuration.
 */
export function isAllowedHost(hostHeader: string | undefined, env: Record<string, string | undefined> = process.env): boolean {
	const name = hostnameOf(hostHeader);
	if (!name) return false;
	if (configuredHosts(env).has(name)) return true;
	if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
	if (isIPv4(name) || name.includes(':')) return true;
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

function isIPv4(name: string): boolean {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
	return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}
