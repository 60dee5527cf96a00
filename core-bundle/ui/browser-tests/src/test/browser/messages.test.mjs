// The two languages say the same things: every key in both, the same {placeholders}, and
// every key the pages ask for is there. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src/main/resources/web/js');
const { default: nl } = await import(path.join(WEB, 'messages-nl.js'));
const { default: en } = await import(path.join(WEB, 'messages-en.js'));

function sources(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? sources(path.join(folder, entry.name))
    : entry.name.endsWith('.js') && !entry.name.startsWith('messages-') ? [fs.readFileSync(path.join(folder, entry.name), 'utf8')] : []));
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Dutch and English have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
});

test('a message has the same placeholders in both languages', () => {
  for (const key of Object.keys(nl)) {
    assert.deepEqual(placeholders(en[key]), placeholders(nl[key]), key);
  }
});

test('every key a page asks for exists', () => {
  const code = sources(WEB).join('\n');
  const asked = new Set([...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]));
  for (const key of [...code.matchAll(/\bplural\(\s*'([^']+)'/g)].map((m) => m[1])) {
    asked.add(`${key}.one`);
    asked.add(`${key}.other`);
  }
  const missing = [...asked].filter((key) => !(key in nl));
  assert.deepEqual(missing, []);
});
