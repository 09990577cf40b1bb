import { APPRISE_SCHEMES } from './apprise-schemes';

export const MAX_APPRISE_URL_LENGTH = 2000;
export const MASK = '****';

const EXAMPLE = 'discord://webhook_id/webhook_token';
const SHAPE = /^([A-Za-z0-9]+):\/\/(.+)$/s;
/**
 * Whitespace and control characters, C1 controls and Unicode line separators included: a line break would add a line
 * to the configuration file apprise reads, and none of them belongs in a URL.
 */
function hasForbiddenCharacter(url: string): boolean {
  if (/\s/.test(url)) return true;
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/**
 * Why this cannot be given to apprise, in words for the user (never quoting the URL, which holds tokens); null when it
 * can. The URL must be `scheme://…` with a scheme of a service the installed Apprise can use (APPRISE_SCHEMES), at
 * most 2000 characters, without whitespace or control characters.
 */
export function appriseUrlProblem(url: string): string | null {
  if (typeof url !== 'string' || url === '') return `Enter an Apprise URL, for example ${EXAMPLE}`;
  if (url.length > MAX_APPRISE_URL_LENGTH) return `An Apprise URL is at most ${MAX_APPRISE_URL_LENGTH} characters long`;
  if (hasForbiddenCharacter(url)) return 'An Apprise URL cannot contain spaces, line breaks or control characters';
  const shape = SHAPE.exec(url);
  if (!shape) return `An Apprise URL looks like service://…, for example ${EXAMPLE}`;
  const scheme = shape[1].toLowerCase();
  if (!APPRISE_SCHEMES.has(scheme)) {
    const shown = scheme.length > 20 ? `${scheme.slice(0, 20)}…` : scheme;
    return `Apprise has no service called "${shown}://"`;
  }
  return null;
}

interface UrlPiece {
  text: string;
  secret: boolean;
}

/** Schemes whose host is a web server and whose path is that server's path, not a list of tokens. */
const ENDPOINT_SCHEMES = new Set(['json', 'jsons', 'xml', 'xmls', 'form', 'forms']);
const PLAIN_WORD = /^[a-z][a-z_-]{0,15}$/;
const QUERY_KEY = /^[+:-]?[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const DNS_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const PORT = /^\d{1,5}$/;

const open = (text: string): UrlPiece => ({ text, secret: false });
const hidden = (text: string): UrlPiece => ({ text, secret: true });

function isNetworkHost(host: string): boolean {
  return host === 'localhost' || IPV4.test(host) || IPV6.test(host) || DNS_NAME.test(host);
}

/**
 * The URL cut into pieces, each public or secret, by the rule maskAppriseUrl documents; null when it is not
 * `scheme://…` at all.
 */
function piecesOf(url: string): UrlPiece[] | null {
  const shape = SHAPE.exec(url);
  if (!shape) return null;
  const scheme = shape[1];
  let rest = shape[2];
  const pieces: UrlPiece[] = [open(`${scheme}://`)];

  let fragment: string | null = null;
  const hash = rest.indexOf('#');
  if (hash !== -1) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  let query: string | null = null;
  const question = rest.indexOf('?');
  if (question !== -1) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? null : rest.slice(slash + 1);

  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? null : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const portColon = hostPort.startsWith('[') ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
  const host = portColon === -1 ? hostPort : hostPort.slice(0, portColon);
  const port = portColon === -1 ? null : hostPort.slice(portColon + 1);
  const hostIsPublic = isNetworkHost(host) && (port === null || PORT.test(port));

  if (userInfo !== null) {
    const colon = userInfo.indexOf(':');
    if (colon === -1) pieces.push(hidden(userInfo));
    else
      pieces.push(
        hostIsPublic ? open(userInfo.slice(0, colon)) : hidden(userInfo.slice(0, colon)),
        open(':'),
        hidden(userInfo.slice(colon + 1)),
      );
    pieces.push(open('@'));
  }
  if (hostIsPublic) pieces.push(open(hostPort));
  else pieces.push(hidden(hostPort));

  if (path !== null) {
    const endpoint = ENDPOINT_SCHEMES.has(scheme.toLowerCase());
    for (const segment of path.split('/')) pieces.push(open('/'), endpoint && PLAIN_WORD.test(segment) ? open(segment) : hidden(segment));
  }
  if (query !== null) {
    pieces.push(open('?'));
    query.split('&').forEach((parameter, index) => {
      if (index > 0) pieces.push(open('&'));
      const equals = parameter.indexOf('=');
      if (equals === -1) pieces.push(hidden(parameter));
      else {
        const key = parameter.slice(0, equals);
        pieces.push(QUERY_KEY.test(key) ? open(key) : hidden(key), open('='), hidden(parameter.slice(equals + 1)));
      }
    });
  }
  if (fragment !== null) pieces.push(open('#'), hidden(fragment));
  return pieces;
}

/**
 * The URL for display, every part that may be a token replaced by "****":
 * - the scheme stays;
 * - the host (and its port) stays when it is a network host: an IP address, `localhost` or a dotted name ending in a
 *   top-level domain of letters. Otherwise it is a token (`discord://WEBHOOK_ID/…`, `tgram://BOT_TOKEN/…`) and masked;
 * - user info: the password is masked; the user name stays only beside a password and a network host
 *   (`mailto://user:****@smtp.example.org`), else it is masked too (`pover://USER_KEY@TOKEN`);
 * - path segments are masked, except plain lowercase words (letters, `-`, `_`, at most 16) on the generic web
 *   endpoints json, xml and form (`json://127.0.0.1:8080/hook`);
 * - query values are masked, keys stay when they are plain names; the fragment is masked.
 * Something that is not `scheme://…` at all is masked whole.
 */
export function maskAppriseUrl(url: string): string {
  const pieces = piecesOf(url);
  if (!pieces) return MASK;
  return pieces.map((piece) => (piece.secret && piece.text !== '' ? MASK : piece.text)).join('');
}

/** The parts maskAppriseUrl hides, as written and percent-decoded (the form apprise's messages use). */
export function appriseUrlSecrets(url: string): string[] {
  const pieces = piecesOf(url);
  const secrets = pieces ? pieces.filter((piece) => piece.secret).map((piece) => piece.text) : [url];
  const all = new Set<string>();
  for (const secret of secrets) {
    all.add(secret);
    all.add(decode(secret));
  }
  return [...all].filter((secret) => secret !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
