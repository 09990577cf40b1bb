export interface ComboboxOption {
  value: string;
  /** Said beside the value in the list ("UTC+01:00"). */
  description?: string;
}

/** The options whose value contains `text`, in their order, ignoring case; a space matches an underscore ("new york"). */
export function matchingOptions(options: ComboboxOption[], text: string): ComboboxOption[] {
  const wanted = comparable(text.trim());
  if (wanted === '') return options;
  return options.filter((option) => comparable(option.value).includes(wanted));
}

function comparable(text: string): string {
  return text.toLowerCase().replaceAll('_', ' ');
}
