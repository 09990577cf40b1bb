import { UsersAndSessions1764180000000 } from './1764180000000-users-and-sessions';

/** Every migration, oldest first. The app runs the pending ones at start; the schema is never synchronised. */
export const MIGRATIONS = [UsersAndSessions1764180000000];
