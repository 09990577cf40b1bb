import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Structured JSON logs; each request gets an id (taken from X-Request-Id when sane) echoed back to the client. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (request: IncomingMessage, response) => {
            const offered = request.headers['x-request-id'];
            const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
            response.setHeader('X-Request-Id', id);
            return id;
          },
          redact: {
            paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
          },
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
