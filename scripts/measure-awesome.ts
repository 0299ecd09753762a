/**
 * tsx scripts/measure-awesome.ts LIST.md [LIST.md …]
 * How much of another awesome list the importer reads: every heading mapped to one section (the
 * `*` catch-all), then the distinct arXiv ids a reader sees in the file (outside HTML comments and
 * code blocks) compared with those of the imported papers. Prints one line per list and the ids it missed with their first line.
 */
import { readFileSync } from 'node:fs';
import { parseAwesomeList } from '../src/import/awesome-list';
import { normaliseSource } from '../src/import/awesome-source';

const USAGE = `Usage: tsx scripts/measure-awesome.ts LIST.md [LIST.md …]

How much of each awesome list the importer reads: arXiv ids a reader sees in the file compared with
those of the imported papers, one line per list, then the ids it missed with their first line.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (process.argv.length <= 2) {
  console.error(`measure-awesome: no list given\n\n${USAGE}`);
  process.exit(2);
}

const ARXIV = /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/gi;

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  // what a reader sees: HTML comments (normaliseSource blanks them) and fenced code left out
  const written = new Map<string, number>();
  let fence = false;
  normaliseSource(text)
    .split('\n')
    .forEach((l, i) => {
      if (/^\s{0,3}(```|~~~)/.test(l)) fence = !fence;
      if (fence) return;
      for (const m of l.matchAll(ARXIV)) if (m[1] && !written.has(m[1])) written.set(m[1], i + 1);
    });
  const t0 = performance.now();
  const r = parseAwesomeList(text, { sections: { '*': { task: 'subject', family: 'diffusion' } } });
  const ms = performance.now() - t0;
  const imported = new Set(r.papers.map((p) => p.arxiv).filter((a): a is string => a !== null));
  const missed = [...written].filter(([id]) => !imported.has(id));
  const hit = written.size - missed.length;
  const count = (level: string): number => r.diagnostics.filter((d) => d.level === level).length;
  console.log(
    `${file}: ${hit}/${written.size} distinct arXiv papers imported (${((100 * hit) / Math.max(1, written.size)).toFixed(1)}%), ` +
      `${r.papers.length} papers from ${r.entries.length} entries, ${count('error')} errors, ${count('warning')} warnings, ${ms.toFixed(0)} ms`,
  );
  if (process.env.VERBOSE) for (const [id, line] of missed) console.log(`  missed ${id} (line ${line})`);
}
