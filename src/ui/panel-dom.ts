/**
 * Tiny DOM helpers for the panels. Text always goes in through textContent, never as HTML.
 */

export interface ElOptions {
  className?: string;
  text?: string;
  title?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  return node;
}

/** A document-unique id for ARIA references (per call, no shared counter). */
export function uniqueId(prefix: string): string {
  let id: string;
  do id = `${prefix}-${Math.random().toString(36).slice(2, 9)}`;
  while (document.getElementById(id));
  return id;
}

/** A button with visible text. */
export function button(text: string, className?: string): HTMLButtonElement {
  const b = el('button', { className, text });
  b.type = 'button';
  return b;
}

/** A checkbox wrapped in its label: "[x] Text (count)". */
export function checkbox(
  text: string,
  count: number | null,
  className = 'la-check',
): {
  label: HTMLLabelElement;
  input: HTMLInputElement;
} {
  const label = el('label', { className });
  const input = el('input');
  input.type = 'checkbox';
  const name = el('span', { className: 'la-check-text', text });
  label.append(input, name);
  if (count !== null) label.append(el('span', { className: 'la-count', text: String(count) }));
  return { label, input };
}
