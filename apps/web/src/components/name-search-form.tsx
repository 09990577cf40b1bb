import { useEffect, useId, useState, type FormEvent } from 'react';
import './name-search-form.css';

interface NameSearchFormProps {
  /** What is searched, the search landmark's name ("Files in the archives"). */
  label: string;
  /** The search shown (kept in the address); empty for none. */
  query: string;
  /** Called with the trimmed text when the form is sent, and with '' when it is cleared. */
  onSearch: (query: string) => void;
  /** The fewest characters worth sending. */
  minLength?: number;
  /** The longest text the server accepts. */
  maxLength: number;
  /** Offers a Clear button while a search is shown. */
  clearable?: boolean;
}

/** A "Name contains" box with its Search button, which shows the search in the address as it changes. */
export function NameSearchForm({ label, query, onSearch, minLength = 1, maxLength, clearable = false }: NameSearchFormProps) {
  const inputId = useId();
  const [text, setText] = useState(query);

  // The address may change the search (back and forward).
  useEffect(() => setText(query), [query]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim());
  }

  return (
    <form className="name-search" role="search" aria-label={label} onSubmit={submit}>
      <div className="field">
        <label htmlFor={inputId}>Name contains</label>
        <input
          id={inputId}
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLength}
          placeholder="report.pdf"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={text.trim().length < minLength}>
        Search
      </button>
      {clearable && query !== '' && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          Clear
        </button>
      )}
    </form>
  );
}
