/** Offers text as a file download, through a temporary object URL and link. */
export function downloadText(filename: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
