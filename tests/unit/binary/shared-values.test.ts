import { describe, expect, it } from 'vitest';
import { sharedValues } from '../../../src/graph/binary/shared-values';

describe('sharedValues', () => {
  it('gives equal object and array fields the first instance seen, over all the records', () => {
    const share = sharedValues();
    const a = share({ kinds: ['cites'], provenance: [{ source: 'x' }], kind: 0, title: 'A' });
    const b = share({ kinds: ['cites'], provenance: [{ source: 'x' }], kind: 0, title: 'A' });
    const c = share({ kinds: ['cites', 'compares'], provenance: [{ source: 'y' }], kind: 1 });
    expect(b.kinds).toBe(a.kinds);
    expect(b.provenance).toBe(a.provenance);
    expect(c.kinds).not.toBe(a.kinds);
    expect(c.provenance).not.toBe(a.provenance);
    // the records keep their values
    expect(b).toEqual({ kinds: ['cites'], provenance: [{ source: 'x' }], kind: 0, title: 'A' });
    expect(c).toEqual({ kinds: ['cites', 'compares'], provenance: [{ source: 'y' }], kind: 1 });
  });

  it('leaves primitives, nulls and non-objects alone, and tells arrays from objects', () => {
    const share = sharedValues();
    expect(share(null)).toBeNull();
    expect(share('x')).toBe('x');
    const a = share({ links: {}, tasks: [], month: null });
    const b = share({ links: [], tasks: {}, month: null });
    expect(b.links).not.toBe(a.links);
    expect(b.tasks).not.toBe(a.tasks);
    expect(b).toEqual({ links: [], tasks: {}, month: null });
    // values equal but for their keys' order are not merged (JSON text differs): nothing is lost
    const c = share({ t: { a: 1, b: 2 } });
    const d = share({ t: { b: 2, a: 1 } });
    expect(d.t).not.toBe(c.t);
    expect(d.t).toEqual({ a: 1, b: 2 });
  });
});
