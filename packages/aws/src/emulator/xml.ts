const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML element content and attribute values. */
export function esc(value: string): string {
  return /[&<>"']/.test(value) ? value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c) : value;
}

/** `<name>value</name>`, or nothing when the value is absent. */
export function el(name: string, value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${typeof value === 'string' ? esc(value) : String(value)}</${name}>`;
}

/** `<name>children</name>` for already-rendered children (not escaped). */
export function wrap(name: string, children: string): string {
  return `<${name}>${children}</${name}>`;
}

/** A list element whose items are each wrapped in `itemName`. */
export function list<T>(
  name: string,
  itemName: string,
  items: readonly T[],
  render: (item: T) => string,
): string {
  let out = `<${name}>`;
  for (const item of items) out += `<${itemName}>${render(item)}</${itemName}>`;
  return `${out}</${name}>`;
}

/** A list of plain strings. */
export function stringList(name: string, itemName: string, items: readonly string[]): string {
  let out = `<${name}>`;
  for (const item of items) out += `<${itemName}>${esc(item)}</${itemName}>`;
  return `${out}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
