// Test support shared with the API's integration tests: a throwaway sshd on 127.0.0.1.
export { canRunSshd, freePort, startSshd, type TestSshd } from './sshd';
export { isAlive, writeTree } from './helpers';
// Pull mode: the host's script run here, and /proc scans for what is left running or on an argv.
export { allCommandLines, processesMentioning, runOnHost, type HostRun } from './pull-host';
