import { addAuthorizedKeyCommand, shellQuote } from './setup-commands';

const LINE = 'restrict,port-forwarding ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd borgitory@server';

// The browser test runs the command through sh as a host's user and reads the file it wrote.
describe('the command that adds the authorized_keys line', () => {
  it('quotes a word in single quotes, each quote in it closed, escaped and reopened', () => {
    expect(shellQuote('a b')).toBe(`'a b'`);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote(`$HOME \`id\` \\n "x"`)).toBe(`'$HOME \`id\` \\n "x"'`);
  });

  it('prints the line, quoted as one word, at the end of ~/.ssh/authorized_keys', () => {
    expect(addAuthorizedKeyCommand(LINE)).toBe(`mkdir -p -m 700 ~/.ssh && printf '%s\\n' '${LINE}' >> ~/.ssh/authorized_keys`);
  });
});
