import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';

export const APP_VERSION: string = (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
