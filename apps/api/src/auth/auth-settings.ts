import { Injectable } from '@nestjs/common';

/** Limits of login throttling and session writes; tests shorten them on the running app. */
@Injectable()
export class AuthSettings {
  /** Failed logins count against a client for this long. */
  failedLoginWindowMs = 15 * 60 * 1000;
  /** Failed logins in the window per client: an address, or a browser holding a device token for the account. */
  maxFailuresPerClient = 10;
  /** Failed logins in the window per account from all clients without its device token together. */
  maxFailuresPerAccount = 50;
}
