import './code-list.css';

/** Paths or patterns, one per line, each as code. */
export function CodeList({ items }: { items: string[] }) {
  return (
    <ul className="code-list">
      {items.map((item) => (
        <li key={item}>
          <code className="wrap">{item}</code>
        </li>
      ))}
    </ul>
  );
}
