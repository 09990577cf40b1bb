import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'borgitory:public';
/** Marks the operation in the OpenAPI document; the document builder turns it into `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-borgitory-public';

/** Opts a route out of the global authentication guard. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
