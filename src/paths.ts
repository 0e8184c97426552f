/**
 * Where the package's shipped files (data/, models/, examples/) are. Code runs both from src/ (tests)
 * and from dist/src/ (the installed bin), so the root is found by walking up to package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A shipped file, by its path from the package root: `packagePath('data', 'aliases.json')`. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
