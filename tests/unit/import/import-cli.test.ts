import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from './shared-data';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
function run(script: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(TSX, [join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('import CLIs', () => {
  it('import-awesome: errors exit non-zero and write nothing; a clean list writes once, then changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    try {
      const out = join(dir, 'papers.yaml');
      const bad = run('import-awesome.ts', ['--in', join(FIXTURES, 'mini-awesome.md'), '--out', out]);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/mini-awesome\.md:24: error: entry title is not a bold line/);
      expect(bad.err).toMatch(/mini-awesome\.md:55: error: section "Odd Section" maps to no task/);
      expect(existsSync(out)).toBe(false);

      const clean = readFileSync(join(FIXTURES, 'mini-awesome.md'), 'utf8')
        .split('\n')
        .slice(0, 23)
        .join('\n');
      const input = join(dir, 'clean.md');
      writeFileSync(input, clean);
      const first = run('import-awesome.ts', ['--in', input, '--out', out]);
      expect(first.code).toBe(0);
      expect(first.out).toContain('3 entries, 3 distinct papers');
      const bytes = readFileSync(out, 'utf8');
      const mtime = statSync(out).mtimeMs;
      const second = run('import-awesome.ts', ['--in', input, '--out', out]);
      expect(second.out).toContain('unchanged');
      expect(readFileSync(out, 'utf8')).toBe(bytes);
      expect(statSync(out).mtimeMs).toBe(mtime);

      const edges = run('import-edges.ts', [
        '--papers',
        out,
        '--fulltext',
        join(dir, 'absent.json'),
        '--readme',
        join(dir, 'absent2.json'),
        '--out',
        dir,
      ]);
      expect(edges.code).toBe(0);
      expect(edges.err).toMatch(/absent\.json: not found; skipped/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown options with the usage', () => {
    const r = run('import-taxonomy.ts', ['--nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npm run import:taxonomy');
  });
});
