import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import { PaperRecordSchema } from '../../../src/model/paper';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './shared-data';

const ENTRY = [
  '**DreamBooth: Fine tuning text-to-image diffusion models**<br>',
  '*Ruiz, Nataniel and Li, Yuanzhen.*<br>',
  'CVPR 2023. / [PDF](https://arxiv.org/abs/2208.12242v2) / [[Code](https://github.com/google/dreambooth)]',
];
const STRAY = [
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<br>',
  '#',
  '`',
  '```',
  '\\',
  '|',
  '/',
  ':',
  '\t',
  '\r',
  ' ',
];
/**
 * The paper's link: while it survives the mutations (outside inline code), the entry must be imported
 * or something reported; a paper never vanishes silently.
 */
const PAPER_LINK = '[PDF](https://arxiv.org/abs/2208.12242v2)';
const CODE = /`/;
const ODD = ['\u200b', '\u0000', '\ufffd', 'é', 'ß', '𝔘', '🎨', '\u202e', '\u00a0', 'ﬁ', '\ud800'];

type Mutation =
  | { op: 'truncate'; line: number; at: number }
  | { op: 'insert'; line: number; at: number; text: string }
  | { op: 'drop'; line: number }
  | { op: 'duplicate'; line: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), line: fc.nat(2), at: fc.nat(120) }),
  fc.record({
    op: fc.constant('insert' as const),
    line: fc.nat(2),
    at: fc.nat(120),
    text: fc.oneof(fc.constantFrom(...STRAY, ...ODD), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('drop' as const), line: fc.nat(2) }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat(2) }),
);

function mutate(lines: string[], muts: Mutation[]): string[] {
  const out = [...lines];
  for (const m of muts) {
    const i = Math.min(m.line, out.length - 1);
    if (i < 0) break;
    const l = out[i] ?? '';
    if (m.op === 'truncate') out[i] = l.slice(0, m.at % (l.length + 1));
    else if (m.op === 'insert')
      out[i] = l.slice(0, m.at % (l.length + 1)) + m.text + l.slice(m.at % (l.length + 1));
    else if (m.op === 'drop') out.splice(i, 1);
    else out.splice(i, 0, l);
  }
  return out;
}

describe('awesome-list importer under mutated entries', () => {
  it('never throws: every mutated entry is imported as a valid paper or reported', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.boolean(), (muts, crlf) => {
        const entry = mutate(ENTRY, muts);
        const text = [
          '## Subject-Driven Generation',
          '',
          ...entry,
          '',
          '**Second: an intact entry**<br>',
          '*A B*<br>',
          'Arxiv 2024. / [PDF](https://arxiv.org/abs/2401.00001)',
          '',
        ].join(crlf ? '\r\n' : '\n');
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const result = parseAwesomeList(text);
        for (const p of result.papers) {
          const check = PaperRecordSchema.safeParse(p);
          expect(check.success, JSON.stringify(check.error?.issues)).toBe(true);
        }
        for (const d of result.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
          if (d.line !== undefined) expect(d.line).toBeLessThanOrEqual(lineCount);
        }
        const mutatedImported = result.entries.some((e) => !e.title.startsWith('Second'));
        expect(
          mutatedImported ||
            result.diagnostics.length > 0 ||
            !entry.some((l) => l.includes(PAPER_LINK) && !CODE.test(l)),
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated lists in every style (paragraphs, list items, tables)', () => {
    const sections = { '*': { task: 'subject' as const, family: 'diffusion' as const } };
    const lists = ['styles-paragraphs.md', 'styles-lists.md', 'styles-tables.md', 'mini-awesome.md'].map(
      (n) => readFileSync(join(FIXTURES, n), 'utf8').split('\n'),
    );
    const anyLine: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ op: fc.constant('truncate' as const), line: fc.nat(60), at: fc.nat(200) }),
      fc.record({
        op: fc.constant('insert' as const),
        line: fc.nat(60),
        at: fc.nat(200),
        text: fc.oneof(
          fc.constantFrom(...STRAY, ...ODD, '<!--', '-->', '| a |', '---'),
          fc.string({ maxLength: 4 }),
        ),
      }),
      fc.record({ op: fc.constant('drop' as const), line: fc.nat(60) }),
      fc.record({ op: fc.constant('duplicate' as const), line: fc.nat(60) }),
    );
    fc.assert(
      fc.property(
        fc.nat(lists.length - 1),
        fc.array(anyLine, { minLength: 1, maxLength: 8 }),
        (which, muts) => {
          const text = mutate(lists[which] ?? [], muts).join('\n');
          const lineCount = text.split('\n').length;
          const r = parseAwesomeList(text, { sections });
          for (const p of r.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
          for (const d of r.diagnostics) {
            if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
            if (d.line !== undefined) expect(d.line).toBeLessThanOrEqual(lineCount);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = parseAwesomeList(`## Subject-Driven Generation\n${s}\n`);
        for (const p of r.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
