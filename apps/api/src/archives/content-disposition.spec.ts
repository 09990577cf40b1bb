import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition(Buffer.from('report 2026.pdf'))).toBe(
      `attachment; filename="report 2026.pdf"; filename*=UTF-8''report%202026.pdf`,
    );
    expect(contentDisposition(Buffer.from('café "x";%.txt'))).toBe(
      `attachment; filename="caf_ _x___.txt"; filename*=UTF-8''caf%C3%A9%20%22x%22%3B%25.txt`,
    );
  });

  it('never lets a newline or a stray byte into the header', () => {
    const header = contentDisposition(Buffer.concat([Buffer.from('a\nb'), Buffer.from([0xff]), Buffer.from('\r\nSet-Cookie: x')]));
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename*=UTF-8''a%0Ab%EF%BF%BD%0D%0ASet-Cookie%3A%20x`);
  });
});
