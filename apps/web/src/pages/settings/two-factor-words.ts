/** A base32 secret in groups of four, easier to type by hand: "JBSW Y3DP EHPK 3PXP". Apps ignore the spaces. */
export function groupedSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
