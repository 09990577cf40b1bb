/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { useIdParam } from './use-id-param';

function idAt(address: string, route = '/repositories/:id'): number | null {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[address]}>
      <Routes>
        <Route path={route} element={children} />
      </Routes>
    </MemoryRouter>
  );
  return renderHook(() => useIdParam(), { wrapper }).result.current;
}

describe('useIdParam', () => {
  it("reads the address's :id as a record's id", () => {
    expect(idAt('/repositories/1')).toBe(1);
    expect(idAt('/repositories/42')).toBe(42);
    expect(idAt('/repositories/9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('gives null for what cannot be an id', () => {
    for (const id of ['0', '-1', '1.5', 'abc', '007', '1e3', '%205', '0x10', '9007199254740993']) {
      expect(idAt(`/repositories/${id}`)).toBeNull();
    }
  });

  it('gives null on a page without :id', () => {
    expect(idAt('/repositories', '/repositories')).toBeNull();
  });
});
