// A real OpenID Connect provider (the certified oidc-provider package) for the tests, on 127.0.0.1. Its own process:
// the package is ESM only. Set by the environment: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, and ACCOUNTS (JSON:
// { "<login>": { "groups": [...] } }). Its development login form takes any password for a known login; it prints
// "listening" once it answers.
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, ACCOUNTS } = process.env;
const accounts = JSON.parse(ACCOUNTS ?? '{}');

const provider = new Provider(`http://127.0.0.1:${PORT}`, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'groups'], email: ['email'] },
  findAccount: (_ctx, id) =>
    accounts[id]
      ? { accountId: id, claims: () => ({ sub: `subject-of-${id}`, preferred_username: id, groups: accounts[id].groups ?? [] }) }
      : undefined,
  pkce: { required: () => true },
  cookies: { keys: ['borgitory-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: true } },
});
provider.listen(Number(PORT), '127.0.0.1', () => console.log('listening'));
