/**
 * tsx scripts/measure-awesome.ts LIST.md [LIST.md …]
 * How much of another awesome list `import:list` reads, with no section map: the distinct arXiv ids a
 * reader sees in the file (outside HTML comments and code blocks, counted by a regex over the text,
 * not by the importer) compared with those of the imported papers; entries, papers, skips by reason,
 * errors, and any venue that is no venue (a date, a month, punctuation). Prints one line per list,
 * a Markdown table row, and with VERBOSE=1 the ids it missed with their first line.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { listDataset } from '../src/import/list-dataset';
import { normaliseSource } from '../src/import/awesome-source';
import { isVenueText } from '../src/import/awesome-date';
import { importSummary } from '../src/import/import-report';
import { isNewStyleArxivId } from '../src/model/arxiv-id';

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
      // ids arXiv issued only (src/model/arxiv-id.ts): the importer takes no other
      for (const m of l.matchAll(ARXIV))
        if (m[1] && isNewStyleArxivId(m[1]) && !written.has(m[1])) written.set(m[1], i + 1);
    });
  const t0 = performance.now();
  const ds = listDataset(text, { file: basename(file) });
  const ms = performance.now() - t0;
  const s = importSummary(ds);
  const imported = new Set(ds.papers.map((p) => p.arxiv).filter((a): a is string => a !== null));
  const missed = [...written].filter(([id]) => !imported.has(id));
  const hit = written.size - missed.length;
  const pct = ((100 * hit) / Math.max(1, written.size)).toFixed(1);
  const badVenues = ds.papers.filter((p) => p.venue !== null && !isVenueText(p.venue));
  const skips = Object.entries(s.skips)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  console.log(
    `${file}: ${hit}/${written.size} distinct arXiv ids imported (${pct}%), ${s.papers} papers from ${s.entries} entries, ` +
      `${s.errors} errors, skips: ${skips || 'none'}, ${badVenues.length} venues that are no venue, ${ms.toFixed(0)} ms`,
  );
  console.log(
    `| ${basename(file, '.md').replace('+', '/')} | | ${s.entries.toLocaleString('en')} | ${s.papers.toLocaleString('en')} | ` +
      `${written.size.toLocaleString('en')} | ${hit.toLocaleString('en')} (${pct}%) | ${s.skipped.toLocaleString('en')} |`,
  );
  if (process.env.VERBOSE) {
    for (const [id, line] of missed) console.log(`  missed ${id} (line ${line})`);
    for (const p of badVenues) console.log(`  venue "${p.venue}" of ${p.id}`);
  }
}
