import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';

/** The Node.js major line the project runs on: the caret range in the root package.json's `engines`. */
export const REQUIRED_NODE_MAJOR: number = parseEnginesMajor(
  (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node,
);

export function parseEnginesMajor(range: string): number {
  const match = /^\^(\d+)\.\d+\.\d+$/.exec(range.trim());
  if (!match) throw new Error(`engines.node must be a caret range such as ^24.11.0, got "${range}"`);
  return Number(match[1]);
}

/** A warning for the start-up log when the process runs on another Node.js line than the project declares. */
export function runtimeWarning(version: string = process.version): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major === REQUIRED_NODE_MAJOR) return null;
  return (
    `Node.js ${version} is not the supported line ${REQUIRED_NODE_MAJOR}. ` +
    `Start the app with npm (npm start puts the project's Node.js ${REQUIRED_NODE_MAJOR} from node_modules/.bin first on the PATH) ` +
    `or install Node.js ${REQUIRED_NODE_MAJOR}.`
  );
}
