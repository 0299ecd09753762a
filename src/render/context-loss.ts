/**
 * Watching sigma's WebGL canvases for a lost context. On loss we keep the page alive (preventDefault
 * so the browser may restore it) and ask for a new renderer once the context is restored, or after
 * `fallbackMs` if it never is (the new renderer creates fresh canvases and contexts).
 */
export function watchContextLoss(
  canvases: HTMLCanvasElement[],
  onLost: () => void,
  recover: () => void,
  fallbackMs = 1500,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lost = false;
  const fire = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!lost) return;
    lost = false;
    recover();
  };
  const handleLost = (e: Event) => {
    e.preventDefault();
    if (lost) return;
    lost = true;
    onLost();
    timer = setTimeout(fire, fallbackMs);
  };
  const handleRestored = () => fire();
  for (const c of canvases) {
    c.addEventListener('webglcontextlost', handleLost);
    c.addEventListener('webglcontextrestored', handleRestored);
  }
  return () => {
    if (timer !== null) clearTimeout(timer);
    lost = false;
    for (const c of canvases) {
      c.removeEventListener('webglcontextlost', handleLost);
      c.removeEventListener('webglcontextrestored', handleRestored);
    }
  };
}
