/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { MainNavigation } from './main-navigation';

const ITEMS = [
  { to: '/', label: 'Dashboard' },
  { to: '/hosts', label: 'Hosts' },
  { to: '/jobs', label: 'Jobs' },
];

function Frame() {
  const pageRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  return (
    <>
      <MainNavigation items={ITEMS} current={ITEMS.find((item) => item.to === pathname)?.to} pageRef={pageRef} />
      <main ref={pageRef} tabIndex={-1}>
        At {pathname}
      </main>
    </>
  );
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Frame />
    </MemoryRouter>,
  );
  return screen.getByRole('button', { name: 'Menu' });
}

const list = () => screen.getByRole('navigation', { name: 'Main' }).querySelector('ul');

afterEach(cleanup);

describe('MainNavigation', () => {
  it('is folded at first, names the current section, and the button controls the list', () => {
    const menu = renderAt('/hosts');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('aria-controls')).toBe(list()?.id);
    expect(screen.getByRole('navigation', { name: 'Main' }).classList.contains('app__nav--open')).toBe(false);
    expect(screen.getByRole('link', { name: 'Hosts' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBeNull();
  });

  it('opens and closes with the button, and closes on Escape with the focus back on the button', () => {
    const menu = renderAt('/');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('navigation', { name: 'Main' }).classList.contains('app__nav--open')).toBe(true);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menu);
    const jobs = screen.getByRole('link', { name: 'Jobs' });
    jobs.focus();
    fireEvent.keyDown(jobs, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('closes when a section is chosen, and the focus goes to the page', () => {
    const menu = renderAt('/');
    fireEvent.click(menu);
    fireEvent.click(screen.getByRole('link', { name: 'Jobs' }));
    expect(screen.getByRole('main').textContent).toBe('At /jobs');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('leaves the focus where it is when a section is chosen from the column (the menu folded)', () => {
    renderAt('/');
    const jobs = screen.getByRole('link', { name: 'Jobs' });
    jobs.focus();
    fireEvent.click(jobs);
    expect(screen.getByRole('main').textContent).toBe('At /jobs');
    expect(document.activeElement).toBe(jobs);
  });
});
