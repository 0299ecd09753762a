/**
 * Opening a graph file made elsewhere: which format it is (by its name's extension, else by its
 * first characters or root element), and the reader for it. Pure; runs on the text of a File.
 */
import { DataError } from '../model/errors';
import { readGexf } from './gexf';
import { readGraphml } from './graphml';
import { readGraphJson } from './json';
import type { ForeignFormat, ForeignGraph } from './types';
import { stripBom } from './xml';

const EXTENSIONS: Record<string, ForeignFormat> = { gexf: 'gexf', graphml: 'graphml', json: 'json' };

/** How far into the text sniffing looks for the root element (past declarations and comments). */
const SNIFF_LENGTH = 64 * 1024;

/** The name of the first element of an XML text, skipping the declaration, comments, PIs and DOCTYPE. */
function rootElementName(text: string): string | null {
  const head = text.slice(0, SNIFF_LENGTH);
  let i = 0;
  for (;;) {
    i = head.indexOf('<', i);
    if (i === -1) return null;
    if (head.startsWith('<?', i)) i = head.indexOf('?>', i);
    else if (head.startsWith('<!--', i)) i = head.indexOf('-->', i);
    else if (head.startsWith('<!', i)) i = head.indexOf('>', i);
    else {
      const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head.slice(i, i + 256));
      return m ? (m[2] as string).toLowerCase() : null;
    }
    if (i === -1) return null;
  }
}

/**
 * The format of a file: `.gexf`, `.graphml` and `.json` by name; otherwise (`.xml`, no or another
 * extension) by content: `{` or `[` first is JSON, a `<gexf>` or `<graphml>` root is that format.
 * Null when neither tells.
 */
export function detectFormat(fileName: string, text: string): ForeignFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = ext !== undefined ? EXTENSIONS[ext] : undefined;
  if (byName !== undefined) return byName;
  const body = stripBom(text).trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return 'json';
  if (!body.startsWith('<')) return null;
  const root = rootElementName(body);
  return root === 'gexf' || root === 'graphml' ? root : null;
}

/** The graph of a GEXF, GraphML or graph JSON file; throws DataError (file, line, record, field) when it cannot. */
export function readForeignGraph(text: string, file: string): ForeignGraph {
  if (stripBom(text).trim() === '') throw new DataError({ file }, 'the file is empty');
  const format = detectFormat(file, text);
  switch (format) {
    case 'gexf':
      return readGexf(text, file);
    case 'graphml':
      return readGraphml(text, file);
    case 'json':
      return readGraphJson(text, file);
    case null:
      throw new DataError(
        { file },
        'not a graph file this app reads: expected GEXF (.gexf), GraphML (.graphml) or graph JSON (.json)',
      );
  }
}
