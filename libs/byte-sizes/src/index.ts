export * from './byte-sizes';
