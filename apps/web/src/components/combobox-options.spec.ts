import { matchingOptions } from './combobox-options';

const zones = [{ value: 'Europe/Berlin' }, { value: 'UTC' }, { value: 'America/New_York' }, { value: 'Europe/Paris' }];

describe('matchingOptions', () => {
  it('keeps the options containing the text, in their order, whatever the case', () => {
    expect(matchingOptions(zones, 'EUROPE').map((option) => option.value)).toEqual(['Europe/Berlin', 'Europe/Paris']);
  });

  it('matches an underscore with a space', () => {
    expect(matchingOptions(zones, 'new york').map((option) => option.value)).toEqual(['America/New_York']);
    expect(matchingOptions(zones, 'New_Y').map((option) => option.value)).toEqual(['America/New_York']);
  });

  it('offers every option for an empty text, and none for a text nothing contains', () => {
    expect(matchingOptions(zones, '  ')).toEqual(zones);
    expect(matchingOptions(zones, 'Mars')).toEqual([]);
  });
});
