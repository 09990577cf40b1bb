import type { NotificationServiceDto, NotificationServiceFieldDto } from '../dto/notification-catalog.dto';

const WIKI = 'https://github.com/caronc/apprise/wiki';

const field = (
  name: string,
  label: string,
  help: string,
  more: Partial<Omit<NotificationServiceFieldDto, 'name' | 'label' | 'help'>> = {},
): NotificationServiceFieldDto => ({ name, label, help, type: 'string', required: true, default: null, ...more });

const scheme = (plain: string, secure: string): NotificationServiceFieldDto =>
  field('scheme', 'Connection', 'HTTPS unless the server has no certificate', {
    type: 'select',
    default: secure,
    options: [
      { value: secure, label: 'HTTPS (encrypted)' },
      { value: plain, label: 'HTTP' },
    ],
  });

const PORT = field('port', 'Port', 'Leave empty for the usual one', { type: 'integer', required: false });

/**
 * Common services as form fields; the SPA makes the Apprise URL from `url_template` ({field}: percent-encoded value,
 * {field/}: the same with slashes kept, {field!}: as typed; [ … ] is left out when a field in it is empty).
 * Anything else Apprise supports goes through `apprise` (any Apprise URL).
 */
export const APPRISE_SERVICES: NotificationServiceDto[] = [
  {
    name: 'discord',
    label: 'Discord',
    description: 'A channel’s webhook: Server Settings → Integrations → Webhooks → Copy Webhook URL',
    url_template: 'discord://{webhook_id}/{webhook_token}',
    fields: [
      field('webhook_id', 'Webhook ID', 'The number after /webhooks/ in the webhook URL'),
      field('webhook_token', 'Webhook token', 'The part after the webhook ID', { type: 'password' }),
    ],
    docs_url: `${WIKI}/Notify_discord`,
  },
  {
    name: 'slack',
    label: 'Slack',
    description: 'An incoming webhook: https://hooks.slack.com/services/A/B/C gives the three tokens',
    url_template: 'slack://{token_a}/{token_b}/{token_c}',
    fields: [
      field('token_a', 'Token A', 'The first part after /services/ (T…)'),
      field('token_b', 'Token B', 'The second part (B…)'),
      field('token_c', 'Token C', 'The last part', { type: 'password' }),
    ],
    docs_url: `${WIKI}/Notify_slack`,
  },
  {
    name: 'telegram',
    label: 'Telegram',
    description: 'A bot (from @BotFather) that sends to a chat',
    url_template: 'tgram://{bot_token}/{chat_id}',
    fields: [
      field('bot_token', 'Bot token', 'As @BotFather gave it: 123456789:AbCd…', { type: 'password' }),
      field('chat_id', 'Chat ID', 'The chat, group or channel to send to'),
    ],
    docs_url: `${WIKI}/Notify_telegram`,
  },
  {
    name: 'ntfy',
    label: 'ntfy',
    description: 'Push notifications through ntfy.sh or your own ntfy server',
    url_template: '{scheme}://[{user}:{password}@]{host}[:{port}]/{topic}',
    fields: [
      scheme('ntfy', 'ntfys'),
      field('host', 'Server', 'ntfy.sh or your own server’s name', { default: 'ntfy.sh' }),
      PORT,
      field('topic', 'Topic', 'The topic your phone subscribes to; pick one hard to guess on ntfy.sh'),
      field('user', 'User', 'Only if the server asks for a login', { required: false }),
      field('password', 'Password', 'Only if the server asks for a login', { type: 'password', required: false }),
    ],
    docs_url: `${WIKI}/Notify_ntfy`,
  },
  {
    name: 'gotify',
    label: 'Gotify',
    description: 'Your own Gotify server; the token of an application created there',
    url_template: '{scheme}://{host}[:{port}][/{path/}]/{token}',
    fields: [
      scheme('gotify', 'gotifys'),
      field('host', 'Server', 'The Gotify server’s name or address'),
      PORT,
      field('path', 'Path', 'Only when Gotify is served below a path', { required: false }),
      field('token', 'Application token', 'Apps → Create application → its token', { type: 'password' }),
    ],
    docs_url: `${WIKI}/Notify_gotify`,
  },
  {
    name: 'pushover',
    label: 'Pushover',
    description: 'Your user key and the API token of an application registered at pushover.net',
    url_template: 'pover://{user_key}@{token}',
    fields: [
      field('user_key', 'User key', 'On your Pushover dashboard', { type: 'password' }),
      field('token', 'API token', 'Of the application you created', { type: 'password' }),
    ],
    docs_url: `${WIKI}/Notify_pushover`,
  },
  {
    name: 'matrix',
    label: 'Matrix',
    description: 'A Matrix account that posts into a room',
    url_template: '{scheme}://{user}:{password}@{host}[:{port}]/{room}',
    fields: [
      scheme('matrix', 'matrixs'),
      field('host', 'Homeserver', 'matrix.org or your own'),
      PORT,
      field('user', 'User', 'The account’s user name'),
      field('password', 'Password', 'The account’s password', { type: 'password' }),
      field('room', 'Room', '#room:server or !roomid:server'),
    ],
    docs_url: `${WIKI}/Notify_matrix`,
  },
  {
    name: 'msteams',
    label: 'Microsoft Teams',
    description: 'An incoming webhook of a Teams channel: the parts of its URL',
    url_template: 'msteams://{team}/{token_a}/{token_b}/{token_c}',
    fields: [
      field('team', 'Team', 'The name before .webhook.office.com'),
      field('token_a', 'Token A', 'The first token after /webhookb2/'),
      field('token_b', 'Token B', 'After /IncomingWebhook/'),
      field('token_c', 'Token C', 'The last one', { type: 'password' }),
    ],
    docs_url: `${WIKI}/Notify_msteams`,
  },
  {
    name: 'email',
    label: 'E-mail (SMTP)',
    description: 'Mail through an SMTP server',
    url_template: '{scheme}://[{user}:{password}@]{host}[:{port}]?from={from}&to={to}',
    fields: [
      field('scheme', 'Connection', 'Encrypted unless the server offers no TLS', {
        type: 'select',
        default: 'mailtos',
        options: [
          { value: 'mailtos', label: 'TLS (encrypted)' },
          { value: 'mailto', label: 'Plain' },
        ],
      }),
      field('host', 'SMTP server', 'smtp.example.org'),
      PORT,
      field('user', 'User', 'Only if the server asks for a login', { required: false }),
      field('password', 'Password', 'Only if the server asks for a login', { type: 'password', required: false }),
      field('from', 'From', 'The sender’s address'),
      field('to', 'To', 'Where the mail goes; several separated by commas'),
    ],
    docs_url: `${WIKI}/Notify_email`,
  },
  {
    name: 'json',
    label: 'JSON over HTTP',
    description: 'POSTs {"title", "message", "type"} as JSON to any web address',
    url_template: '{scheme}://[{user}:{password}@]{host}[:{port}][/{path/}]',
    fields: [
      scheme('json', 'jsons'),
      field('host', 'Host', 'The receiver’s name or address'),
      PORT,
      field('path', 'Path', 'Below the host, e.g. hooks/borgitory', { required: false }),
      field('user', 'User', 'For basic authentication', { required: false }),
      field('password', 'Password', 'For basic authentication', { type: 'password', required: false }),
    ],
    docs_url: `${WIKI}/Notify_Custom_JSON`,
  },
  {
    name: 'apprise',
    label: 'Any Apprise URL',
    description: 'Any of the 100+ services Apprise supports, written as an Apprise URL',
    url_template: '{url!}',
    fields: [field('url', 'Apprise URL', 'For example pover://user@token or mailtos://…', { type: 'password' })],
    docs_url: `${WIKI}#notification-services`,
  },
];
