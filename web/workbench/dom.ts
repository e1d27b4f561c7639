/** Small DOM helpers: look up a required element, build one with text. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Fill a <select> with options, keeping the chosen value when it is still there. */
export function fillSelect(select: HTMLSelectElement, values: readonly string[]): void {
  const chosen = select.value;
  select.replaceChildren(...values.map((v) => el('option', { value: v }, v)));
  if (values.includes(chosen)) select.value = chosen;
}

/** Hand the browser a file to save, as a link to it clicked. */
export function saveFile(contents: Blob, fileName: string): void {
  const href = URL.createObjectURL(contents);
  const link = el('a', { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
