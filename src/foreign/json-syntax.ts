/**
 * Where a JSON text first breaks the grammar (RFC 8259), for error messages: browsers' JSON.parse
 * errors do not all give a position (V8's "Unexpected token" names none). Only run after
 * JSON.parse has failed; recursion depth is the text's nesting depth, so a caller guards it.
 */

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The offset of the first character that breaks the JSON grammar, or null when the text is JSON. */
export function jsonErrorOffset(t: string): number | null {
  let i = 0;
  const stop = (): never => {
    throw new SyntaxAt(i);
  };
  const ws = (): void => {
    while (i < t.length && WS.has(t[i] as string)) i++;
  };
  const string = (): void => {
    i++;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) stop();
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(t)) stop();
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (t[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (t[i] !== '"') stop();
          string();
          ws();
          if (t[i] !== ':') stop();
          i++;
        }
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === close) {
          i++;
          return;
        } else stop();
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(t)) stop();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    ws();
    if (i < t.length) stop();
    return null;
  } catch (e) {
    if (e instanceof SyntaxAt) return e.offset;
    throw e;
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
