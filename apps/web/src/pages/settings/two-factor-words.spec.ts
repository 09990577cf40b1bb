import { groupedSecret } from './two-factor-words';

describe('groupedSecret', () => {
  it('groups a secret by four characters', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });

  it('leaves a short last group as it is', () => {
    expect(groupedSecret('JBSWY3DPE')).toBe('JBSW Y3DP E');
  });
});
