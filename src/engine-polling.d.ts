// engine.io's long-polling transport, aliased in vite.config.ts (the package exports no subpaths).
declare module 'dien-dan:engine-polling' {
	export { XHR } from 'engine.io-client';
}
