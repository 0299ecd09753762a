import { describe, expect, it } from 'vitest';
import { detectFormat, readForeignGraph } from '../../../src/foreign/read';
import { expectError, fixture } from './support';

const GEXF = '<?xml version="1.0"?><gexf version="1.3"><graph/></gexf>';
const GRAPHML = '<?xml version="1.0"?><graphml><graph edgedefault="directed"/></graphml>';

describe('detectFormat', () => {
  it('goes by the extension, in any case, whatever the text', () => {
    expect(detectFormat('a.gexf', '')).toBe('gexf');
    expect(detectFormat('A.GEXF', '{')).toBe('gexf');
    expect(detectFormat('net.graphml', '')).toBe('graphml');
    expect(detectFormat('my.graph.GraphML', '')).toBe('graphml');
    expect(detectFormat('g.json', '<gexf>')).toBe('json');
  });

  it('sniffs .xml files and unknown extensions by their root element', () => {
    expect(detectFormat('g.xml', GEXF)).toBe('gexf');
    expect(detectFormat('g.xml', GRAPHML)).toBe('graphml');
    expect(detectFormat('download', GRAPHML)).toBe('graphml');
    expect(detectFormat('g.txt', GEXF)).toBe('gexf');
    // past a BOM, blank lines, comments, a DOCTYPE and processing instructions; a prefixed root
    expect(
      detectFormat('g.xml', '\uFEFF\n\n  <!-- <graphml> is not it --><?pi x?><!DOCTYPE gexf>\n<gexf>'),
    ).toBe('gexf');
    expect(detectFormat('g.xml', '<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns"/>')).toBe(
      'graphml',
    );
    expect(detectFormat('g.xml', '<svg/>')).toBeNull();
    expect(detectFormat('g.xml', '<!-- never closed')).toBeNull();
  });

  it('sniffs JSON by its first character', () => {
    expect(detectFormat('export', '  {"nodes": []}')).toBe('json');
    expect(detectFormat('export', '\uFEFF[1]')).toBe('json');
    expect(detectFormat('notes.txt', 'nodes: a, b')).toBeNull();
    expect(detectFormat('empty', '')).toBeNull();
  });
});

describe('readForeignGraph', () => {
  it('reads each fixture with its reader', () => {
    expect(readForeignGraph(fixture('karate.gexf'), 'karate.gexf').format).toBe('gexf');
    expect(readForeignGraph(fixture('karate.graphml'), 'karate.graphml').format).toBe('graphml');
    expect(readForeignGraph(fixture('citations.json'), 'citations.json').format).toBe('json');
  });

  it('reads a renamed file by what it holds', () => {
    const g = readForeignGraph(fixture('karate.gexf'), 'karate.xml');
    expect(g.format).toBe('gexf');
    expect(g.file).toBe('karate.xml');
    expect(g.nodes).toHaveLength(34);
    expect(readForeignGraph(fixture('citations-graphology.json'), 'graph.txt').format).toBe('json');
  });

  it('says what it reads when the file is none of them, and when it is empty', () => {
    expectError(
      () => readForeignGraph('id,label\n1,a\n', 'nodes.csv'),
      { file: 'nodes.csv' },
      /not a graph file this app reads: expected GEXF \(\.gexf\), GraphML \(\.graphml\) or graph JSON \(\.json\)/,
    );
    expectError(() => readForeignGraph(' \n', 'blank.gexf'), { file: 'blank.gexf' }, /the file is empty/);
  });

  it('refuses content that contradicts the extension, naming the root it found', () => {
    expectError(
      () => readForeignGraph(fixture('karate.gexf'), 'karate.graphml'),
      { file: 'karate.graphml', line: 2 },
      /root element is <gexf>, not <graphml>/,
    );
  });
});
