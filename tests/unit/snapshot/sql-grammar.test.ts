/**
 * The selection SQL is plain enough for a cluster engine: every statement of scripts/sql/select/
 * parses with the Spark SQL grammar of dt-sql-parser, and none uses what only DuckDB has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { SELECT_SQL_DIR, sqlStatements } from '../../../scripts/lib/sql-files';

const files = readdirSync(SELECT_SQL_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const spark = new SparkSQL();

describe('the selection SQL', () => {
  it('has the files import:snapshot runs', () => {
    expect(files).toEqual([
      'all.sql',
      'edges.sql',
      'hop.sql',
      'refs.sql',
      'seeds.sql',
      'state.sql',
      'topics.sql',
    ]);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(SELECT_SQL_DIR, file), 'utf8');
    const statements = sqlStatements(text);

    it.each(statements.map((s, i) => [i + 1, s] as const))(
      'statement %i parses as Spark SQL',
      (_, statement) => {
        expect(spark.validate(statement)).toEqual([]);
      },
    );

    it('splits into the same statements as the Spark grammar does', () => {
      expect(spark.splitSQLByStatement(text)?.length).toBe(statements.length);
    });

    it('uses nothing only DuckDB has (list functions, lambdas, :: casts, file readers, UNNEST, QUALIFY)', () => {
      expect(text).not.toMatch(
        /\b(list_\w+|read_\w+|unnest|qualify|exclude|struct_pack|regexp_\w+)\s*\(|->|::/i,
      );
    });
  });

  it.each(['stage.sql', 'export.sql'])(
    'the Spark staging and export, scripts/sql/spark/%s, parse too',
    (file) => {
      const text = readFileSync(join(SELECT_SQL_DIR, '..', 'spark', file), 'utf8');
      for (const statement of sqlStatements(text)) expect(spark.validate(statement)).toEqual([]);
    },
  );

  it('would catch a statement Spark cannot parse', () => {
    expect(spark.validate('CREATE TABLE t AS SELECT FROM WHERE').length).toBeGreaterThan(0);
  });
});
