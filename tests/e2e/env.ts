/** Where the end-to-end server listens and keeps its database; shared by the config, setup and tests. */
import { fileURLToPath } from 'node:url';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** Under test-results/, which Playwright empties before it starts the web server. */
export const E2E_DATABASE_PATH = fileURLToPath(new URL('../../test-results/e2e-server/forum.db', import.meta.url));
/** The demo event the server seeds into an empty database. */
export const DEMO_CODE = 'VQ24';
