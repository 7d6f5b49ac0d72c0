import 'reflect-metadata';
import { createKlikApp } from './app-factory';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const started = Date.now();
  const klik = await createKlikApp(config, (step) => process.stdout.write(`  … ${step}\n`));
  await klik.app.listen(config.port, config.host);

  const lines = [
    '',
    `  Klik ${config.version} is running on ${config.publicUrl}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  Database: ${config.database.kind === 'embedded' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API documentation: ${config.publicUrl}/api/docs`,
  ];
  if (klik.demo) {
    lines.push(`  Demo logins (password "${klik.demo.password}"):`);
    for (const login of klik.demo.logins) lines.push(`    ${login.email.padEnd(36)} ${login.role}`);
    if (klik.demo.participantLink) lines.push(`  Demo participant link (shown once): ${klik.demo.participantLink}`);
  }
  lines.push('  Stop with Ctrl+C; the data stays for the next start.', '');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n  ${signal}: stopping Klik…\n`);
    await klik.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Klik failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
