/**
 * The selection's SQL files (scripts/sql/select/, plain SQL for any engine) and how they are split
 * into statements, for whichever engine runs them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SELECT_SQL_DIR = join(import.meta.dirname, '..', 'sql', 'select');

/** The statements of a SQL file: `--` comments dropped, split at the `;` ending a line. */
export function sqlStatements(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/--.*$/, ''))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The statements of one file of scripts/sql/select/. */
export function selectStatements(name: string): string[] {
  return sqlStatements(readFileSync(join(SELECT_SQL_DIR, name), 'utf8'));
}
