/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import { documentTitle, useDocumentTitle } from './use-document-title';

describe('useDocumentTitle', () => {
  it('titles the tab with the page first, then the product', () => {
    expect(documentTitle('Jobs')).toBe('Jobs · Borgitory');
    expect(documentTitle('')).toBe('Borgitory');
    expect(documentTitle('Set up Borgitory')).toBe('Set up Borgitory');
  });

  it('follows the page title as it changes', () => {
    const { rerender } = renderHook(({ title }) => useDocumentTitle(title), { initialProps: { title: 'Job 42' } });
    expect(document.title).toBe('Job 42 · Borgitory');
    rerender({ title: 'home' });
    expect(document.title).toBe('home · Borgitory');
  });
});
