/** Writes the generated reference pages into docs/ (`pnpm docs:generate`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReference } from '../src/reference/generate-reference.ts';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs');
for (const [path, content] of Object.entries(generateReference())) {
  const file = join(docs, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  process.stdout.write(`wrote docs/${path}\n`);
}
