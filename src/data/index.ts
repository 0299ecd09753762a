/** Pure parsers and serialisers of the graph-data files (no file system; see scripts/lib/graph-data-fs.ts). */
export * from './yaml-records';
export * from './papers-file';
export * from './labels-file';
export * from './taxonomy-file';
export * from './dataset-file';
export * from './edges-tsv';
export * from './online-cache';
