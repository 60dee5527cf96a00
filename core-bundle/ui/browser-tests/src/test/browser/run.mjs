// Runs the browser tests (node:test), writing a JUnit report next to the spec output; skips
// them, saying so, where Debian's Chromium is not installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.warn(`Browser tests SKIPPED: ${chromium} is missing. Install Debian's chromium and chromium-driver to run them.`);
  process.exit(0);
}
const work = path.resolve(process.env.ZORGTAFEL_WORK || 'target');
fs.mkdirSync(work, { recursive: true });
const result = spawnSync(process.execPath, [
  '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=junit', `--test-reporter-destination=${path.join(work, 'browser-tests.xml')}`,
  'messages.test.mjs', 'ui.test.mjs',
], { stdio: 'inherit', env: { ...process.env, ZORGTAFEL_WORK: work, CHROMIUM: chromium } });
process.exit(result.status === null ? 1 : result.status);
