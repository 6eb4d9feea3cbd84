// DOM helpers for the dashboard page: text only, attributes only from names the code spells out.
//
// Every piece of workspace text goes in through textContent or a DOM attribute, never through
// innerHTML: titles come from files anyone can write, and must show as the text they are.

import { postToHost } from './host';

const SVG = 'http://www.w3.org/2000/svg';

export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly (Node | undefined | false)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An element the panel's HTML always has; a missing one means the page and panel disagree. */
export function required<T extends Element>(found: T | null, what: string): T {
  if (!found) throw new Error(`The dashboard page has no ${what}.`);
  return found;
}

export function announce(message: string): void {
  const announcer = required(document.getElementById('announcer'), '#announcer');
  // Cleared first so the same words twice in a row are still read out.
  announcer.textContent = '';
  setTimeout(() => (announcer.textContent = message), 50);
}

/** A draft's title as a button that opens the draft beside the dashboard. */
export function openButton(uri: string, title: string, className = 'link-button'): HTMLButtonElement {
  const button = el('button', { className, text: title, attrs: { type: 'button', 'data-focus-key': `open:${uri}` } });
  button.addEventListener('click', () => postToHost({ type: 'open', uri }));
  return button;
}
