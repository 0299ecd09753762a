/**
 * Resolves once the browser has painted what is drawn so far (the next animation frame, then the
 * end of its task): before a long synchronous step, so that what precedes it shows meanwhile.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
