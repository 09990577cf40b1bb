import { parseAppriseOutcome, scrubAppriseText } from './apprise-outcome';

/** Output of the real apprise 1.2.0 with -vv, captured on this machine (timestamps kept, paths shortened). */
const LOADED = '2026-12-05 12:03:15,433 - INFO - Loaded 1 entries from file:///work/apprise-x/urls.txt?encoding=utf-8&cache=yes';
const NOTIFYING = '2026-12-05 12:03:15,434 - INFO - Notifying 1 service(s) asynchronously.';
const output = (...lines: string[]) => `${lines.join('\n')}\n`;
const USAGE = `Usage:  [OPTIONS] SERVER_URL [SERVER_URL2 [SERVER_URL3]]

  Send a notification to all of the specified servers identified by their URLs
  the content provided within the title, body and notification-type.

Options:
  -b, --body TEXT                Specify the message body. If no body is
`;

describe('parseAppriseOutcome', () => {
  it('is ok on exit 0', () => {
    const run = {
      exitCode: 0,
      output: output(LOADED, NOTIFYING, '2026-12-05 12:03:10,114 - INFO - Sent JSON POST notification.'),
      url: 'json://h/x',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: true });
  });

  it('gives the status a service answered', () => {
    const run = {
      exitCode: 1,
      output: output(
        LOADED,
        NOTIFYING,
        '2026-12-05 12:03:15,448 - WARNING - Failed to send JSON POST notification: Internal server error., error=500.',
      ),
      url: 'json://127.0.0.1:42663/hook/SECRETTOKEN',
    };
    expect(parseAppriseOutcome(run)).toEqual({
      ok: false,
      reason: 'Failed to send JSON POST notification: Internal server error., error=500.',
    });
  });

  it('says a connection failed', () => {
    const run = {
      exitCode: 1,
      output: output(
        LOADED,
        NOTIFYING,
        '2026-12-05 12:03:15,938 - WARNING - A Connection error occurred sending JSON notification to 127.0.0.1.',
      ),
      url: 'json://127.0.0.1:1/hook/SECRETTOKEN',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: 'A Connection error occurred sending JSON notification to 127.0.0.1.' });
  });

  it('gives the SMTP server’s refusal', () => {
    const run = {
      exitCode: 1,
      output: output(
        '2026-12-05 12:06:40,475 - INFO - Applying Custom Defaults',
        LOADED,
        NOTIFYING,
        "2026-12-05 12:06:40,607 - WARNING - Connection error while submitting email to 127.0.0.1. Reason: (535, b'Invalid username or password')",
      ),
      url: 'mailto://bob:s3cretPass@127.0.0.1:2525?from=borgitory@example.org&to=admin@example.org',
    };
    expect(parseAppriseOutcome(run)).toEqual({
      ok: false,
      reason: "Connection error while submitting email to 127.0.0.1. Reason: (535, b'Invalid username or password')",
    });
  });

  it('masks the URL apprise could not parse, and leaves out what follows from it', () => {
    const run = {
      exitCode: 1,
      output:
        output(
          '2026-12-05 12:03:16,362 - ERROR - Unparseable URL nosuch://abc/SECRETTOKEN',
          '2026-12-05 12:03:16,362 - WARNING - Unparseable URL nosuch://abc/SECRETTOKEN on line 1.',
          '2026-12-05 12:03:16,362 - WARNING - Failed to load Apprise configuration from file:///work/apprise-x/urls.txt?encoding=utf-8&cache=yes',
          '2026-12-05 12:03:16,362 - ERROR - You must specify at least one server URL or populated configuration file.',
        ) + USAGE,
      url: 'nosuch://abc/SECRETTOKEN',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: 'Unparseable URL nosuch://****/****' });
  });

  it("gives a service's own complaint about its URL", () => {
    const run = {
      exitCode: 1,
      output:
        output(
          '2026-12-05 12:03:17,651 - WARNING - An invalid Discord Webhook Token (None) was specified.',
          '2026-12-05 12:03:17,652 - WARNING - Could not load URL discord://x on line 1.',
          '2026-12-05 12:03:17,652 - WARNING - Failed to load Apprise configuration from file:///work/apprise-x/urls.txt?encoding=utf-8&cache=yes',
          '2026-12-05 12:03:17,652 - ERROR - You must specify at least one server URL or populated configuration file.',
        ) + USAGE,
      url: 'discord://x',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: 'An invalid Discord Webhook Token (None) was specified.' });
  });

  it('says when there was nothing to send', () => {
    const run = {
      exitCode: 1,
      output: output(LOADED, '2026-12-05 12:04:48,399 - ERROR - No message content specified to deliver'),
      url: 'json://h/x',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: 'No message content specified to deliver' });
  });

  it("gives click's refusal of an argument", () => {
    const run = {
      exitCode: 2,
      output:
        "\nUsage: apprise [OPTIONS] SERVER_URL [SERVER_URL2 [SERVER_URL3]]\nTry 'apprise -h' for help.\n\nError: No such option: --bogus-option\n",
      url: 'json://h/x',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: 'apprise refused its arguments: No such option: --bogus-option' });
  });

  it("gives a traceback's last line", () => {
    const run = {
      exitCode: 1,
      output:
        'Traceback (most recent call last):\n  File "/usr/bin/apprise", line 33, in <module>\n    sys.exit(load_entry_point())\nKeyError: \'boom\'\n',
      url: 'json://h/x',
    };
    expect(parseAppriseOutcome(run)).toEqual({ ok: false, reason: "apprise failed: KeyError: 'boom'" });
  });

  it('falls back to the exit code, the signal, or no service notified', () => {
    expect(parseAppriseOutcome({ exitCode: 3, output: output(LOADED), url: 'json://h/x' })).toEqual({
      ok: false,
      reason: 'Apprise notified no service',
    });
    expect(parseAppriseOutcome({ exitCode: 7, output: '', url: 'json://h/x' })).toEqual({
      ok: false,
      reason: 'apprise exited with code 7',
    });
    expect(parseAppriseOutcome({ exitCode: null, signal: 'SIGKILL', output: '', url: 'json://h/x' })).toEqual({
      ok: false,
      reason: 'apprise was ended by SIGKILL',
    });
    expect(
      parseAppriseOutcome({
        exitCode: 1,
        output: '2026-12-05 12:03:16,362 - ERROR - You must specify at least one server URL or populated configuration file.\n',
        url: 'json://h/x',
      }),
    ).toEqual({ ok: false, reason: 'Apprise found no URL it could use' });
  });

  it('joins distinct reasons', () => {
    const line = '2026-12-05 12:03:15,448 - WARNING - Failed to send JSON POST notification: Internal server error., error=500.';
    const other = '2026-12-05 12:03:15,449 - ERROR - Something else.';
    expect(parseAppriseOutcome({ exitCode: 1, output: output(line, line, other), url: 'json://h/x' })).toEqual({
      ok: false,
      reason: 'Failed to send JSON POST notification: Internal server error., error=500.; Something else.',
    });
  });
});

describe('scrubAppriseText', () => {
  const url = 'tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-100123?avatar=p%40ss';

  it("replaces the URL's secret parts wherever they appear, also decoded", () => {
    const text = 'Failed to send to /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage chat -100123 with p@ss';
    expect(scrubAppriseText(text, url)).toBe('Failed to send to /bot****/sendMessage chat **** with ****');
  });

  it('masks every URL in the text, keeping punctuation after it', () => {
    expect(scrubAppriseText('Loaded URL: discord://1234/TOKEN, then (json://example.org/hook/TOKEN2).', 'json://x/y')).toBe(
      'Loaded URL: discord://****/****, then (json://example.org/hook/****).',
    );
  });

  it('is bounded', () => {
    expect(scrubAppriseText('x'.repeat(2000), 'json://h/y')).toHaveLength(500);
  });
});
