import { pickerTitle } from './directory-picker-dialog';

describe('pickerTitle', () => {
  it('names the host whose directories are browsed, and nothing on this server', () => {
    expect(pickerTitle('Choose what to back up', { id: 3, name: 'Workstation' })).toBe('Choose what to back up on Workstation');
    expect(pickerTitle('Choose where to restore', null)).toBe('Choose where to restore');
  });
});
