import { describe, expect, it } from 'vitest';
import { nearestInDirection } from '../../src/ui/lineage-view';

describe('nearestInDirection (arrow keys in the lineage view)', () => {
  const pos = new Map([
    ['c', { x: 100, y: 100 }],
    ['left', { x: 60, y: 100 }],
    ['left-far', { x: 20, y: 100 }],
    ['up-left', { x: 90, y: 60 }],
    ['down', { x: 100, y: 130 }],
    ['right-off', { x: 140, y: 160 }],
  ]);
  it('prefers the nearest paper along the direction, penalising the distance across it', () => {
    expect(nearestInDirection(pos, 'c', [-1, 0])).toBe('left');
    expect(nearestInDirection(pos, 'c', [0, -1])).toBe('up-left');
    expect(nearestInDirection(pos, 'c', [0, 1])).toBe('down');
    expect(nearestInDirection(pos, 'c', [1, 0])).toBe('right-off');
    expect(nearestInDirection(pos, 'left-far', [-1, 0])).toBeNull();
    expect(nearestInDirection(pos, 'nope', [1, 0])).toBeNull();
  });
});
