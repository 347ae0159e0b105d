import Database from 'better-sqlite3';
import { DEMO_CODE, E2E_DATABASE_PATH } from './env';

/**
 * The projection screen's address holds a secret key the server generates when it seeds the demo
 * event. Read it from the (fresh) database and hand it to the workers through the environment.
 */
export default function globalSetup() {
	const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('select display_key as displayKey from events where code = ?').get(DEMO_CODE) as
			| { displayKey: string }
			| undefined;
		if (!row) throw new Error(`The e2e server did not seed the demo event ${DEMO_CODE} into ${E2E_DATABASE_PATH}`);
		process.env.E2E_DISPLAY_KEY = row.displayKey;
	} finally {
		db.close();
	}
}
