/** Camera moves. */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';

/** Animates the camera to centre a node, zooming in if the view is wider than `maxRatio`. */
export function focusCamera<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  node: string,
  maxRatio = 0.35,
  duration = 500,
): Promise<void> {
  const data = sigma.getNodeDisplayData(node);
  if (!data) return Promise.resolve();
  const camera = sigma.getCamera();
  const ratio = Math.min(camera.getState().ratio, maxRatio);
  return camera.animate({ x: data.x, y: data.y, ratio }, { duration, easing: 'quadraticInOut' });
}
