export * from './borg-version';
