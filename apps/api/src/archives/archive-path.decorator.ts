import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ArchivePath, rawQueryParameter } from './archive-path';

/** The archive path in the query parameter `name`, read from the raw URL so that any bytes survive; the root when absent. */
export const ArchivePathQuery = createParamDecorator((name: string, context: ExecutionContext): ArchivePath => {
  const request = context.switchToHttp().getRequest<Request>();
  const raw = rawQueryParameter(request.originalUrl, name);
  return raw === null ? ArchivePath.root : ArchivePath.fromBytes(raw, name);
});
