import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { runtimeWarning } from './config/runtime';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const warning = runtimeWarning();
  if (warning) console.warn(warning);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.log(
    `Soziale Stadt is running at ${config.publicUrl} (Node.js ${process.version}, database: ${config.database.type}, API docs: ${config.publicUrl}/api/docs)`,
  );
}

void main();
