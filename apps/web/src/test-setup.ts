import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

/**
 * The specs see dates as a browser set to US English would show them, whatever
 * the machine's language: Intl's default language is fixed when a process
 * starts, so it is set here, where the code asks for "the browser's language"
 * (no locale). The time zone is set in jest.config.cts.
 */
const SystemDateTimeFormat = Intl.DateTimeFormat;

function EnglishDateTimeFormat(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new SystemDateTimeFormat(locales ?? 'en-US', options);
}
EnglishDateTimeFormat.prototype = SystemDateTimeFormat.prototype;
EnglishDateTimeFormat.supportedLocalesOf = SystemDateTimeFormat.supportedLocalesOf;

Intl.DateTimeFormat = EnglishDateTimeFormat as typeof Intl.DateTimeFormat;

// jsdom lacks the text codecs every browser has (react-router needs them); Node's are the same API.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}
