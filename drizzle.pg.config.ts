import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL migrations, kept apart from SQLite's: drizzle shares no schema across dialects. */
export default defineConfig({
	schema: './src/lib/server/db/schema-pg.ts',
	out: './drizzle/postgres',
	dialect: 'postgresql'
});
