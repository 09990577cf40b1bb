export * from './types';
export { RcloneRunner, type RcloneRunnerOptions } from './rclone-runner';
export { RcloneError, type RcloneErrorKind } from './rclone-error';
export { REMOTE_NAME } from './rclone-env';
