/**
 * The JSON Schema of a scenario file, generated from the zod schema (zod 4 `z.toJSONSchema`).
 *
 * Draft-07: the draft that editors (VS Code's JSON language service and most others) support best.
 * It documents every field with its description and default; cross-field rules (ids that must exist,
 * profile length, …) cannot be expressed in JSON Schema and are checked only by validate.ts.
 * Written to scenarios/scenario.schema.json by `npm run schema`.
 */
import * as z from 'zod';
import { scenarioSchema } from './schema';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

/** The JSON Schema as an object. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  // `$schema` first, then an identifying `$id`-free header, then the rest as generated.
  const { $schema, ...rest } = generated;
  return { $schema, ...rest };
}

/** The JSON Schema as the text of scenarios/scenario.schema.json: pretty-printed, trailing newline. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
