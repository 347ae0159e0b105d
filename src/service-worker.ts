/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the child's room usable through a reload without network: the app's scripts and styles,
 * and the last room page each phone saw. Only where the browser allows a service worker at all
 * (HTTPS, or localhost): on a hall's plain-http Wi-Fi none is registered (README, "Offline on the
 * phone"). The room registers it (Room.svelte), nothing else does.
 *
 * Never kept: staff pages, the screen, anything but GET, the live connection (/socket.io), and
 * any response that is not a plain 200 from this site. The room page is fetched from the network
 * first every time; the kept copy is only used when the network fails.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `dd-phone-${version}`;
/** The app's own scripts and styles (fonts are kept once used): what a room needs to start. */
const SHELL = [...build.filter((path) => /\.(js|css)$/.test(path)), ...files];
/** Pages kept for offline reloads: the phone's home page and a forum's join/room page. */
const PHONE_PAGE = /^\/(j\/[^/]+)?$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => sw.skipWaiting())
	);
});

/** Keeps a phone page's response if it is a plain 200 from this site. */
async function keep(path: string, response: Response) {
	if (response.status === 200 && response.type === 'basic' && !response.redirected) await (await caches.open(CACHE)).put(path, response);
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
			// The room that registered the worker was loaded before it ran: keep it now, so even the
			// first reload without network finds it.
			for (const client of await sw.clients.matchAll({ type: 'window' })) {
				const url = new URL(client.url);
				if (url.origin === sw.location.origin && PHONE_PAGE.test(url.pathname) && !url.search)
					await fetch(url.pathname).then((response) => keep(url.pathname, response), () => undefined);
			}
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const path = url.pathname;
	if (path.startsWith('/_app/immutable/') || SHELL.includes(path)) {
		// Content-addressed: a kept copy is always right.
		event.respondWith(
			caches.match(request).then(
				(kept) =>
					kept ??
					fetch(request).then((response) => {
						if (response.ok && response.type === 'basic') void caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
						return response;
					})
			)
		);
		return;
	}
	// Everything else (staff pages, the screen, /socket.io, /lang, data requests) goes straight to the
	// network, untouched and unkept.
	if (request.mode !== 'navigate' || !PHONE_PAGE.test(path) || url.search) return;
	event.respondWith(
		fetch(request)
			.then((response) => {
				event.waitUntil(keep(path, response.clone()));
				return response;
			})
			.catch(async () => (await caches.match(path)) ?? Response.error())
	);
});
