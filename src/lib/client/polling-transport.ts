/**
 * engine.io's long-polling transport, put back into its transport table. Loaded only by a phone
 * whose network refuses WebSockets (transport-fallback.ts): every other phone is spared its code.
 */
import { transports } from 'engine.io-client';
import { XHR } from 'dien-dan:engine-polling';

(transports as Record<string, unknown>).polling ??= XHR;
