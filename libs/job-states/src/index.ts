export * from './job-states';
