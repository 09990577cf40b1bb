import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Role } from './roles';

export const REQUIRED_ROLE = 'borgitory:required-role';
/** The operation's required role in the OpenAPI document; the document builder also words it in the description. */
export const REQUIRED_ROLE_EXTENSION = 'x-required-role';

/**
 * The least role that may call the route (an API key's scope counts as the role it names). Every route that is not
 * @Public() declares one; a route that does not is refused to everyone but admins.
 */
export const Requires = (role: Role) => applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension(REQUIRED_ROLE_EXTENSION, role));
