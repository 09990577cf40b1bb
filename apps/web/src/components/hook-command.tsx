import './hook-command.css';

interface HookCommandProps {
  /** The shell line (its only part) when `shell`, else the program and its arguments. */
  command: string[];
  shell: boolean;
  /** The paragraph's own class, beside `hook-command`. */
  className?: string;
}

/** A hook's command as it runs: the shell line after `sh -c`, or the program and each argument exactly as passed. */
export function HookCommand({ command, shell, className }: HookCommandProps) {
  return (
    <p className={className ? `${className} hook-command` : 'hook-command'}>
      {shell ? (
        <>
          <code className="muted">sh -c</code> <code className="wrap">{command[0]}</code>
        </>
      ) : (
        command.map((part, index) => (
          <code key={index} className="wrap hook-command__argument">
            {part}
          </code>
        ))
      )}
    </p>
  );
}
