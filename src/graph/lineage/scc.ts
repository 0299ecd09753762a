/**
 * Strongly connected components of a directed graph given as node list + successor function
 * (iterative Tarjan, so deep citation chains cannot overflow the stack). Pure, no graphology needed.
 */

/** Node → component index; components are numbered in reverse topological order (sinks first). */
export function stronglyConnected(
  nodes: readonly string[],
  successors: (node: string) => Iterable<string>,
): { component: Map<string, number>; count: number } {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let next = 0;
  let count = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; it: Iterator<string> }> = [];
    const open = (n: string) => {
      index.set(n, next);
      low.set(n, next);
      next++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, it: successors(n)[Symbol.iterator]() });
    };
    open(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const step = top.it.next();
      if (!step.done) {
        const w = step.value;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const v = top.node;
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.set(w, count);
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}
