import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashInputs, inputFiles, writeChunksAtomic } from '../../../scripts/lib/build-io';
import { writeBytesAtomic } from '../../../scripts/lib/atomic-write';
import { copySmallDir, removeTempDirs, SMALL_DIR, tempDir } from './support';

afterAll(removeTempDirs);

describe('writeChunksAtomic', () => {
  it('writes all chunks, creating the directory, and reports the bytes', () => {
    const dir = tempDir('atlas-io-');
    const path = join(dir, 'sub', 'out.json');
    const chunks = ['{"a":', '"é"', '}\n'];
    expect(writeChunksAtomic(path, chunks, 2)).toBe(Buffer.byteLength(chunks.join('')));
    expect(readFileSync(path, 'utf8')).toBe('{"a":"é"}\n');
  });

  it('leaves the previous file byte-identical and no temporary file when producing the chunks fails', () => {
    const dir = tempDir('atlas-io-');
    const path = join(dir, 'graph.json');
    writeFileSync(path, 'previous build\n');
    function* failing(): Generator<string> {
      for (let i = 0; i < 1000; i++) yield 'x'.repeat(1000);
      throw new Error('serialisation failed half-way');
    }
    expect(() => writeChunksAtomic(path, failing(), 4096)).toThrow('serialisation failed half-way');
    expect(readFileSync(path, 'utf8')).toBe('previous build\n');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});

describe('writeBytesAtomic', () => {
  it('writes the bytes over the previous file and leaves no temporary file', () => {
    const dir = tempDir('atlas-io-');
    const path = join(dir, 'graph.bin');
    writeFileSync(path, 'previous build\n');
    const bytes = new Uint8Array([0x4c, 0x41, 0x47, 0x42, 0, 255, 7]);
    expect(writeBytesAtomic(path, bytes)).toBe(7);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['graph.bin']);
  });
});

describe('hashInputs', () => {
  it('hashes every input file in a fixed order, sensitive to content and names', () => {
    expect(inputFiles(SMALL_DIR)).toEqual([
      'dataset.yaml',
      'papers.yaml',
      'labels.yaml',
      'taxonomy.yaml',
      'edges/code-readme.tsv',
      'edges/curated.tsv',
      'edges/fulltext-references.tsv',
    ]);
    const dir = copySmallDir();
    const h = hashInputs(SMALL_DIR);
    expect(hashInputs(dir)).toBe(h);
    writeFileSync(join(dir, 'dataset.yaml'), `${readFileSync(join(dir, 'dataset.yaml'), 'utf8')}# edited\n`);
    expect(hashInputs(dir)).not.toBe(h);
  });
});
