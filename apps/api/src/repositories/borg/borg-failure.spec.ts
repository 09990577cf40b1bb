import { BorgError } from '@borgitory/borg-runner';
import { HTTP_STATUS } from '../../platform/http/error-status';
import { describeBorgFailure as describeCode, needsSshDiagnosis } from './borg-failure';
import { RepositoryLocation } from '../repository-location';

const remote: RepositoryLocation = { location: 'ssh://backup@nas.local:2222/srv/repo', remote: true, host: 'nas.local', port: 2222 };
const local: RepositoryLocation = { location: '/srv/repo', remote: false };

function borgError(msgid: string | null, stderrTail: string[] = [], kind: BorgError['kind'] = 'exit'): BorgError {
  return new BorgError({ message: stderrTail.at(-1) ?? 'borg failed', kind, exitCode: 2, msgid, stderrTail, command: ['info'] });
}

/** The description, with the HTTP status its code answers with: what a client ends up seeing. */
function describeBorgFailure(...args: Parameters<typeof describeCode>) {
  const failure = describeCode(...args);
  return { ...failure, status: HTTP_STATUS[failure.code] };
}

const closed = () => borgError('ConnectionClosedWithHint', ['Connection closed by remote host. Is borg working on the server?']);

describe('describeBorgFailure', () => {
  it.each([
    ['PassphraseWrong', local, 422, 'BORG_PASSPHRASE_WRONG'],
    ['Repository.InvalidRepository', local, 422, 'REPOSITORY_NOT_FOUND'],
    ['Repository.DoesNotExist', local, 422, 'REPOSITORY_NOT_FOUND'],
    ['Repository.AlreadyExists', local, 409, 'REPOSITORY_ALREADY_EXISTS'],
    ['Repository.ParentPathDoesNotExist', local, 422, 'VALIDATION_ERROR'],
    ['LockTimeout', local, 409, 'REPOSITORY_BUSY'],
    ['KeyfileNotFoundError', local, 422, 'BORG_KEY_MISSING'],
    ['SomethingNew', local, 422, 'BORG_ERROR'],
  ])('maps %s to %i %s', (msgid, where, status, code) => {
    expect(describeBorgFailure(borgError(msgid), where)).toMatchObject({ status, code });
  });

  it('reads ssh reasons that borg relayed', () => {
    const refused = borgError('ConnectionClosedWithHint', ['Remote: backup@nas.local: Permission denied (publickey).']);
    expect(describeBorgFailure(refused, remote)).toMatchObject({
      code: 'SSH_AUTHENTICATION_FAILED',
      message: expect.stringContaining('nas.local:2222'),
    });
  });

  it('reads the reason from a direct ssh probe when borg could not say', () => {
    expect(describeBorgFailure(closed(), remote, ['Host key verification failed.'])).toMatchObject({ code: 'SSH_HOST_KEY_REJECTED' });
    expect(describeBorgFailure(closed(), remote, ['ssh: connect to host nas.local port 2222: Connection refused'])).toMatchObject({
      code: 'SSH_CONNECTION_FAILED',
      message: 'Could not reach nas.local:2222: connect to host nas.local port 2222: Connection refused',
    });
  });

  it('says borg is missing with 503', () => {
    expect(describeBorgFailure(borgError(null, [], 'spawn'), local)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('says with 422 that borg was not started for a location it refused', () => {
    const refused = new BorgError({
      kind: 'refused',
      exitCode: null,
      message: 'borg was not started: the host of the repository location cannot be used: …',
      command: [],
    });
    expect(describeBorgFailure(refused, remote)).toEqual({ status: 422, code: 'VALIDATION_ERROR', message: refused.message });
  });

  it('rethrows what is not a borg failure', () => {
    const bug = new TypeError('bug');
    expect(() => describeBorgFailure(bug, local)).toThrow(bug);
  });
});

describe('needsSshDiagnosis', () => {
  it('asks ssh only for a closed remote connection whose reason borg did not relay', () => {
    expect(needsSshDiagnosis(closed(), remote)).toBe(true);
    expect(needsSshDiagnosis(closed(), local)).toBe(false);
    expect(needsSshDiagnosis(borgError('ConnectionClosedWithHint', ['Remote: Host key verification failed.']), remote)).toBe(false);
    expect(needsSshDiagnosis(borgError('PassphraseWrong'), remote)).toBe(false);
  });
});
