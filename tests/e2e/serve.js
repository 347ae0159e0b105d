// The Playwright web server: start the production entry (server.js) on a brand-new database.
// Run from the repository root after `vite build`.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const databasePath = process.env.DATABASE_PATH;
if (!databasePath) throw new Error('serve.js: set DATABASE_PATH (playwright.config.ts does)');
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(resolve(databasePath + suffix), { force: true });

await import(pathToFileURL(resolve('server.js')).href);
