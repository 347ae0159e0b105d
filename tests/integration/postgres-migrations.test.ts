import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db';
import { freshPostgres, type FreshPostgres } from './postgres';

/**
 * The committed migrations, not only the schema files, must agree: a province server is built from
 * drizzle/postgres/*.sql exactly as a laptop is from drizzle/*.sql. Both are applied to real, empty
 * databases and the resulting tables and columns compared.
 */
let server: FreshPostgres;
let pool: pg.Pool;

beforeAll(async () => {
	server = await freshPostgres();
	pool = new pg.Pool({ connectionString: server.url, max: 2 });
	await migrate(drizzle(pool), { migrationsFolder: 'drizzle/postgres' });
});
afterAll(async () => {
	await pool?.end();
	await server?.drop();
});

async function pgColumns() {
	const { rows } = await pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
		`select table_name, column_name, is_nullable from information_schema.columns
		 where table_schema = 'public' order by table_name, column_name`
	);
	return rows.map((r) => `${r.table_name}.${r.column_name}${r.is_nullable === 'NO' ? ' not null' : ''}`);
}

function sqliteColumns() {
	const { sqlite, close } = openDatabase(':memory:');
	try {
		const tables = sqlite
			.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`)
			.all() as { name: string }[];
		return tables
			.flatMap(({ name }) =>
				(sqlite.prepare(`pragma table_info(${name})`).all() as { name: string; notnull: number; pk: number }[]).map(
					// SQLite lets a lone text primary key be null; PostgreSQL makes every key column not null.
					(c) => `${name}.${c.name}${c.notnull || c.pk ? ' not null' : ''}`
				)
			)
			.sort();
	} finally {
		close();
	}
}

describe('the PostgreSQL migrations', () => {
	it('build the same tables and columns as the SQLite migrations', async () => {
		const onSqlite = sqliteColumns();
		expect(onSqlite.length).toBeGreaterThan(150);
		expect(await pgColumns()).toEqual(onSqlite);
	});

	it('keep epoch milliseconds and booleans as the repositories expect', async () => {
		await pool.query(`insert into events (id, code, title, level, display_key) values ('e1', 'AB12', 'Diễn đàn', 'commune', 'k1')`);
		const { rows } = await pool.query('select moderation, created_at from events where id = $1', ['e1']);
		expect(rows[0].moderation).toBe(true);
		// Within a minute of now, in milliseconds (bigint comes back as a string from node-postgres).
		expect(Math.abs(Number(rows[0].created_at) - Date.now())).toBeLessThan(60_000);
	});
});
