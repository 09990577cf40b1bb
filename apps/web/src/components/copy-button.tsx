import { useState, type RefObject } from 'react';
import './copy-button.css';

type CopyState = 'idle' | 'copied' | 'manual';

interface CopyButtonProps {
  /** What goes to the clipboard. */
  text: string;
  /** Where the text is shown: selected instead when the browser gives no clipboard, for the user to copy by hand. */
  shownIn: RefObject<HTMLElement | null>;
  /** The button's accessible name, when "Copy" alone would not say what it copies. */
  label?: string;
}

/** A Copy button with what it did said beside it: copied, or the text selected for Ctrl+C. */
export function CopyButton({ text, shownIn, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      // navigator.clipboard exists only in secure contexts (https or localhost).
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      select(shownIn.current);
      setState('manual');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button" aria-label={label} onClick={() => void copy()}>
        Copy
      </button>
      <span className="copy-button__status" role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'manual' && 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'}
      </span>
    </span>
  );
}

function select(element: HTMLElement | null): void {
  if (!element) return;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
    return;
  }
  window.getSelection()?.selectAllChildren(element);
}
