/**
 * A hand-made graph meta for the cluster and taxonomy tests: two families, methods and schemes tied
 * to families (with a label, "Optimization-based", that repeats across them), three communities.
 */
import type { GraphMeta } from '../../../src/model';

export function testMeta(): GraphMeta {
  return {
    dataset: { name: 'Test' },
    counts: { papers: 0, edges: 0, byKind: {}, byFamily: {} },
    taxonomy: {
      unknownColor: '#bbbbbb',
      dimensions: [
        {
          id: 'family',
          label: 'Model family',
          categories: [
            { id: 'diffusion', label: 'Diffusion', color: '#0072b2' },
            { id: 'gan', label: 'GAN', color: '#e69f00' },
            { id: 'ar', label: 'Autoregressive', color: '#009e73' },
          ],
        },
        {
          id: 'task',
          label: 'Task',
          categories: [
            { id: 'subject', label: 'Subject', color: '#111111' },
            { id: 'face', label: 'Face', color: '#222222' },
            { id: 'gan-inversion', label: 'GAN inversion', color: '#333333' },
          ],
        },
        {
          id: 'method',
          label: 'Inversion method',
          categories: [
            { id: 'dm.optimization', label: 'Optimization-based', color: '#444444', family: 'diffusion' },
            { id: 'dm.learning', label: 'Learning-based', color: '#555555', family: 'diffusion' },
            { id: 'gan.optimization', label: 'Optimization-based', color: '#666666', family: 'gan' },
          ],
        },
        {
          id: 'scheme',
          label: 'Personalization scheme',
          categories: [
            { id: 'dm.subject', label: 'Subject-driven', color: '#777777', family: 'diffusion' },
            { id: 'dm.face', label: 'Face-driven', color: '#888888', family: 'diffusion' },
            { id: 'gan.editing', label: 'Latent editing', color: '#999999', family: 'gan' },
          ],
        },
      ],
    },
    communities: [
      { id: 0, size: 3, color: '#cc6677' },
      { id: 1, size: 3, color: '#332288' },
      { id: 2, size: 1, color: '#dddddd' },
    ],
    years: [2019, 2024],
    inputsHash: '0'.repeat(64),
    build: { seed: 1, layoutIterations: 0 },
  };
}
