/** @jest-environment jsdom */
import { ApiRequestError } from '@borgitory/api-client';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useSaveForm } from './use-save-form';

interface Input {
  name: string;
}

function NameForm({ name, save, onSaved }: { name: string; save: (input: Input) => Promise<number>; onSaved: (id: number) => void }) {
  const mutation = useMutation({ mutationFn: save });
  const { formRef, errors, submit } = useSaveForm(mutation, { name }, { shown: ['name'], onSaved });
  return (
    <form ref={formRef} onSubmit={submit} aria-label="Name">
      {errors.alert && (
        <p role="alert" tabIndex={-1}>
          {errors.alert}
        </p>
      )}
      <input aria-label="Name" aria-invalid={errors.fields['name'] ? true : undefined} defaultValue={name} />
      {errors.fields['name']?.map((message) => (
        <span key={message}>{message}</span>
      ))}
    </form>
  );
}

function renderForm(name: string, save: (input: Input) => Promise<number>, onSaved: (id: number) => void) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NameForm name={name} save={save} onSaved={onSaved} />
    </QueryClientProvider>,
  );
}

describe('useSaveForm', () => {
  it('sends the input and hands over what was saved', async () => {
    const sent: Input[] = [];
    const saved: number[] = [];
    renderForm(
      'Nightly',
      async (input) => {
        sent.push(input);
        return 7;
      },
      (id) => saved.push(id),
    );
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(saved).toEqual([7]));
    expect(sent).toEqual([{ name: 'Nightly' }]);
  });

  it('shows a refusal at its field and focuses that field', async () => {
    const save = jest.fn(async (): Promise<number> => {
      throw new ApiRequestError(409, 'CONFLICT', 'A schedule named "Nightly" already exists', { field: 'name' });
    });
    const onSaved = jest.fn();
    renderForm('Nightly', save, onSaved);
    fireEvent.submit(screen.getByRole('form'));
    expect(await screen.findByText('A schedule named "Nightly" already exists')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a refusal about no field in the alert, and focuses it', async () => {
    const save = jest.fn(async (): Promise<number> => {
      throw new ApiRequestError(400, 'BORG_ERROR', 'borg could not open the repository');
    });
    renderForm('Nightly', save, jest.fn());
    fireEvent.submit(screen.getByRole('form'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('borg could not open the repository');
    expect(document.activeElement).toBe(alert);
  });
});
