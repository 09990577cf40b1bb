/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { useRef } from 'react';
import { focusFirstProblem, useFocusFirstProblem } from './focus-first-problem';

function formWith(html: string): HTMLFormElement {
  const form = document.createElement('form');
  form.innerHTML = html;
  document.body.append(form);
  return form;
}

describe('focusFirstProblem', () => {
  afterEach(() => document.body.replaceChildren());

  it('focuses the alert at the top of the form', () => {
    const form = formWith(`
      <div role="alert" tabindex="-1" id="alert">Could not save</div>
      <input id="name" aria-invalid="true">`);
    focusFirstProblem(form);
    expect(document.activeElement?.id).toBe('alert');
  });

  it('else focuses the first field marked invalid', () => {
    const form = formWith(`
      <div role="alert">Not focusable: no tabindex</div>
      <input id="name">
      <input id="path" aria-invalid="true">
      <input id="cron" aria-invalid="true">`);
    focusFirstProblem(form);
    expect(document.activeElement?.id).toBe('path');
  });

  it('ignores a field marked valid', () => {
    const form = formWith(`<input id="name" aria-invalid="false"><select id="zone" aria-invalid="true"></select>`);
    focusFirstProblem(form);
    expect(document.activeElement?.id).toBe('zone');
  });

  it('leaves the focus where it is when there is no problem to show, or no form', () => {
    const form = formWith(`<input id="name"><button id="save">Save</button>`);
    document.getElementById('save')?.focus();
    focusFirstProblem(form);
    expect(document.activeElement?.id).toBe('save');
    focusFirstProblem(null);
    expect(document.activeElement?.id).toBe('save');
  });
});

function Form({ error }: { error: unknown }) {
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, error);
  return (
    <form ref={form}>
      <input id="name" aria-invalid={error ? true : undefined} />
      <button id="save">Save</button>
    </form>
  );
}

describe('useFocusFirstProblem', () => {
  it('does nothing while there is no error', () => {
    render(<Form error={null} />);
    expect(document.activeElement).toBe(document.body);
  });

  it('focuses the first problem each time the server refuses the form', () => {
    const { rerender } = render(<Form error={null} />);
    rerender(<Form error={new Error('Name taken')} />);
    expect(document.activeElement?.id).toBe('name');

    document.getElementById('save')?.focus();
    rerender(<Form error={new Error('Name taken')} />);
    expect(document.activeElement?.id).toBe('name');
  });
});
