/** A described field's help as the server writes it, with `commands` in backticks shown as code. */
export function HelpText({ text }: { text: string }) {
  return text.split(/`([^`]*)`/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
