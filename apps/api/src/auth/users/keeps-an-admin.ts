/**
 * The condition, checked in the same statement as a change of users (no other write comes between), that the row changed
 * gets the role `:role` that is admin, is no admin, or is not the last admin.
 */
export const KEEPS_AN_ADMIN = `(:role = 'admin' OR role <> 'admin' OR EXISTS (SELECT 1 FROM users other WHERE other.role = 'admin' AND other.id <> users.id))`;
