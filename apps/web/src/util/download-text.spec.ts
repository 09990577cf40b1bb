/** @jest-environment jsdom */
import { downloadText } from './download-text';

/** jsdom's Blob has no text(); its FileReader reads it. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('downloadText', () => {
  let blobs: Blob[];
  let revoked: string[];
  let clicks: { href: string; download: string; attached: boolean; hidden: boolean }[];
  const recordClick = (event: MouseEvent) => {
    const link = event.target as HTMLAnchorElement;
    clicks.push({ href: link.href, download: link.download, attached: link.isConnected, hidden: link.style.display === 'none' });
    // jsdom cannot download; the browser would.
    event.preventDefault();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    blobs = [];
    revoked = [];
    clicks = [];
    // jsdom has no object URLs; these stand in for the browser's.
    URL.createObjectURL = (blob: Blob) => `blob:http://localhost/${blobs.push(blob)}`;
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    document.addEventListener('click', recordClick);
  });

  afterEach(() => {
    document.removeEventListener('click', recordClick);
    jest.useRealTimers();
  });

  it('clicks a hidden link to the text, named as given', async () => {
    downloadText('borgitory-key.txt', 'BORG_KEY 1234\n');
    expect(clicks).toEqual([{ href: 'blob:http://localhost/1', download: 'borgitory-key.txt', attached: true, hidden: true }]);
    expect(blobs[0].type).toBe('text/plain');
    await expect(readText(blobs[0])).resolves.toBe('BORG_KEY 1234\n');
  });

  it('takes another type', () => {
    downloadText('job-7.log', '{}', 'application/json');
    expect(blobs[0].type).toBe('application/json');
  });

  it('removes the link and releases the URL a moment later', () => {
    downloadText('a.txt', 'a');
    expect(document.querySelector('a')).toBeNull();
    expect(revoked).toEqual([]);
    jest.advanceTimersByTime(1000);
    expect(revoked).toEqual(['blob:http://localhost/1']);
  });
});
