export * from './paper';
export * from './edge';
export * from './taxonomy';
export * from './graph-file';
export * from './errors';
export * from './dataset';
export * from './online';
export * from './datasets';
