const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const state = globalThis.__KLIK_TEST_DB__;
  if (!state) return;
  if (state.kind === 'embedded') {
    await state.server.stop();
    await state.db.close();
    return;
  }
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${state.name} WITH (FORCE)`);
  await admin.end();
};
