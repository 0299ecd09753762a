/**
 * Lists written a record at a time (`stringifyYamlList`, `papersFileChunks`): the same text as the
 * whole list stringified at once, on the project's own papers.yaml, and no aliases between records
 * that happen to share an object.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalPaper,
  compareStrings,
  papersFileChunks,
  parsePapersFile,
  parseYamlText,
  stringifyPapersFile,
  stringifyYaml,
  stringifyYamlList,
} from '../../../src/data';

describe('stringifyYamlList', () => {
  it("writes graph-data/papers.yaml byte for byte, as the whole list's document did", () => {
    const text = readFileSync('graph-data/papers.yaml', 'utf8');
    const papers = parsePapersFile(text, 'papers.yaml').map((p) => p.value);
    expect(papers.length).toBeGreaterThan(400);
    const chunks = [...papersFileChunks(papers)];
    expect(chunks).toHaveLength(papers.length);
    expect(chunks.join('')).toBe(text);
    expect(stringifyPapersFile(papers)).toBe(text);
    // the whole-document writer it replaces, on the same records
    const header = text
      .split('\n- ')[0]!
      .match(/^#(.*)$/gm)!
      .map((l) => l.slice(1))
      .join('\n');
    const sorted = [...papers].sort((a, b) => compareStrings(a.id, b.id)).map(canonicalPaper);
    expect(stringifyYaml(sorted, { header, flowKeys: ['tasks'] })).toBe(text);
  });

  it('writes an empty list as the whole document does', () => {
    expect([...stringifyYamlList([], { header: ' h' })].join('')).toBe(stringifyYaml([], { header: ' h' }));
    expect([...stringifyYamlList([])].join('')).toBe('[]\n');
  });

  it('writes records sharing an object each in full, where one document would alias them', () => {
    const tasks = ['subject', 'style'];
    const records = [
      { id: 'a', tasks },
      { id: 'b', tasks },
    ];
    const whole = stringifyYaml(records, { flowKeys: ['tasks'] });
    expect(whole).toContain('*a1');
    const text = [...stringifyYamlList(records, { flowKeys: ['tasks'] })].join('');
    expect(text).toBe('- id: a\n  tasks: [subject, style]\n- id: b\n  tasks: [subject, style]\n');
    expect(parseYamlText(text, 'x.yaml').doc.toJS()).toEqual(records);
  });
});
