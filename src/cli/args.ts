/**
 * Command-line options: parsed with node:util, validated once with zod at this boundary.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { UsageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<T> {
  options: T;
  positionals: string[];
}

export function parseCommand<S extends z.ZodType>(
  argv: string[],
  spec: OptionSpec,
  schema: S,
): Parsed<z.infer<S>> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(`${where}${issue?.message ?? 'invalid options'}`);
  }
  return { options: result.data, positionals: parsed.positionals };
}

/** `--limit 20` arrives as a string; coerce and bound it. */
export const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(0).max(max).default(fallback);

export const common = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;
