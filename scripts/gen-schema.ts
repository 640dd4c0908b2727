/**
 * Writes scenarios/scenario.schema.json from the zod schema in src/scenario/schema.ts.
 * Usage: npm run schema
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../src/scenario/json-schema';

const target = fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url));
const text = scenarioJsonSchemaText();
let previous: string | undefined;
try {
  previous = readFileSync(target, 'utf8');
} catch {
  previous = undefined;
}
if (previous === text) {
  console.log(`${SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${SCHEMA_FILE} (${text.length} characters)`);
}
