import { initialValues, toInput } from './backup-form';

describe('toInput', () => {
  it('sends no host_id for this server', () => {
    const values = { ...initialValues('3'), sources: [{ key: 0, path: ' /srv/data ' }] };
    expect(toInput(values)).toEqual({ repository_id: 3, source_paths: ['/srv/data'], compression: 'lz4' });
  });

  it("sends the chosen host's id, with the paths on that host", () => {
    const values = { ...initialValues('3'), hostId: '7', sources: [{ key: 0, path: '/home/backup/documents' }] };
    expect(toInput(values)).toMatchObject({ host_id: 7, repository_id: 3, source_paths: ['/home/backup/documents'] });
  });
});
