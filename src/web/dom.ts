/// <reference lib="dom" />
/**
 * Building the DOM safely. Every piece of text goes in as a text node (so it is always escaped);
 * attributes are set one by one, event handlers only with addEventListener, and a URL attribute
 * accepts only an internal route, a same-origin path, or an http(s) address. There is no innerHTML
 * anywhere in the app.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite']);

/** `#/route`, `/same/origin/path` (not `//host`), or an http(s) URL. */
export function isSafeUrl(value: string): boolean {
  if (value.startsWith('#')) return true;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return true;
  return httpUrl(value) !== null;
}

/** The URL when it is http or https, else null (javascript:, data:, vbscript:, relative ...). */
export function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function setAttributes(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) throw new Error(`event handler attribute ${name}: use addEventListener`);
    const text = value === true ? '' : String(value);
    if (URL_ATTRIBUTES.has(lower) && !isSafeUrl(text)) throw new Error(`unsafe URL refused for ${name}`);
    if (lower === 'style' || lower === 'srcdoc') throw new Error(`${name} attributes are not used (CSP)`);
    el.setAttribute(name, text);
  }
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else if (typeof child === 'string' || typeof child === 'number') parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child as Node);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** A link to a route of the app. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  if (!href.startsWith('#/') && !(href.startsWith('/') && !href.startsWith('//'))) throw new Error(`not an internal link: ${href}`);
  return h('a', { href }, ...children);
}

/**
 * A document-supplied address: a link only when it is http(s), opened without giving the page
 * access to us; anything else (javascript:, data: ...) is shown as plain text.
 */
export function externalLink(url: string, text: string = url): HTMLElement {
  const safe = httpUrl(url);
  if (!safe) return h('span', { class: 'unlinked-url' }, text);
  return h('a', { href: safe.href, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, text);
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function on<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): HTMLElement {
  el.addEventListener(type, listener);
  return el;
}
