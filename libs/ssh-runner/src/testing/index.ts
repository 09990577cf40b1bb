// Test support shared with the API's integration tests: a second "machine" (sshd and a fresh user) on 127.0.0.1.
export { canRunHostSshd, freePort, HOST_SSHD_SKIP_REASON, processesOf, startHostSshd, type TestHost } from './host-sshd';
export { connectionTo, makeTestClient, type TestClient } from './client-keys';
