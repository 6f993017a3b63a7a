/**
 * «Сообщить о странице»: the skeleton of a journal page, so that a page the
 * adapters do not understand can be understood at the region's server without
 * anyone opening the live journal (docs/DOMAIN.md, «скелет страницы»). It
 * keeps the shape and drops the content:
 * - the path, with every number as `:id` (the query and the fragment dropped);
 * - which allowed page globals exist and the names of their keys, never a value;
 * - the elements: tag, id and classes, and instead of their text its length;
 * - no attribute other than id and class, so no input's value, link, or data-*;
 *   no cookies, no storage, nothing of the journal's tokens.
 *
 * `readPageSkeleton` is run by the background in the journal's tab through
 * `scripting.executeScript` (in the page's world where the browser has one,
 * so that it sees the globals): it must stay self-contained, with no import
 * and no outside name in its body. `sanitizeSkeleton` checks what comes back
 * (the page could have changed the DOM's functions) and so does the server.
 */

export interface SkeletonNode {
  tag: string;
  id?: string;
  classes?: string[];
  /** The length of the element's own text (its text nodes, trimmed), never the text. */
  text?: number;
  children?: SkeletonNode[];
}

export interface SkeletonGlobal {
  name: string;
  /** Key paths (`user.name`, `roles[]`), at most three levels deep; keys that are not plain identifiers are left out. */
  keys: string[];
}

export interface PageSkeleton {
  path: string;
  globals: SkeletonGlobal[];
  dom: SkeletonNode;
  /** Elements left out beyond the limits (the page was larger). */
  truncated: number;
}

/** What the background gets back from the tab: the skeleton, and where the page is (to know its journal). */
export interface CapturedPage {
  protocol: string;
  host: string;
  skeleton: PageSkeleton;
}

export interface SkeletonLimits {
  maxNodes: number;
  maxDepth: number;
  maxKeys: number;
}

export const skeletonLimits: SkeletonLimits = { maxNodes: 1500, maxDepth: 30, maxKeys: 300 };

/** A name that may be kept as it is: ASCII letters, digits, `_` and `-`; a run of digits becomes `:id`. */
export const identifierPattern = /^[A-Za-z_:-][\w:-]{0,79}$/;

/**
 * Reads the skeleton of the page it runs in. Self-contained (see above):
 * every helper is inside, and `win` defaults to the page's global object.
 */
export function readPageSkeleton(globalNames: readonly string[], limits: SkeletonLimits, win: Window = globalThis as unknown as Window): CapturedPage {
  const forbidden = /^(at|__proto__|prototype|constructor)$|token|cookie|session|passw|secret|auth|jwt|key|sid$/i;
  const plainKey = /^[A-Za-z_$][\w$]{0,60}$/;
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'PROFROST-PANEL']);
  const safeName = (value: string): string | null => {
    const named = value.replace(/\d+/g, ':id');
    return /^[A-Za-z_:-][\w:-]{0,79}$/.test(named) ? named : null;
  };

  const pathOf = (pathname: string): string =>
    pathname
      .split('/')
      .map((segment) => {
        if (!segment) return segment;
        if (/%|[^\w.~-]/.test(segment) || segment.length > 60) return ':text';
        const named = segment.replace(/\d+/g, ':id');
        return (named.match(/:id/g) ?? []).length > 1 ? ':id' : named;
      })
      .join('/');

  const keysOf = (root: unknown): string[] => {
    const keys: string[] = [];
    const walk = (value: unknown, prefix: string, depth: number) => {
      if (depth > 3 || keys.length >= limits.maxKeys || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        const first = value.find((item) => item !== null && typeof item === 'object');
        if (first !== undefined) walk(first, `${prefix}[]`, depth + 1);
        return;
      }
      let names: string[] = [];
      try {
        names = Object.keys(value);
      } catch {
        return;
      }
      for (const name of names) {
        if (keys.length >= limits.maxKeys) return;
        if (!plainKey.test(name) || forbidden.test(name)) continue;
        const path = prefix ? `${prefix}.${name}` : name;
        let child: unknown;
        try {
          child = (value as Record<string, unknown>)[name];
        } catch {
          continue;
        }
        keys.push(Array.isArray(child) ? `${path}[]` : path);
        walk(child, path, depth + 1);
      }
    };
    walk(root, '', 1);
    return keys;
  };

  const globals: SkeletonGlobal[] = [];
  for (const name of globalNames) {
    let value: unknown;
    try {
      value = (win as unknown as Record<string, unknown>)[name];
    } catch {
      continue;
    }
    if (value !== undefined && value !== null) globals.push({ name, keys: keysOf(value) });
  }

  let count = 0;
  let truncated = 0;
  const nodeOf = (element: Element, depth: number): SkeletonNode => {
    count++;
    const node: SkeletonNode = {
      tag:
        element.tagName
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '')
          .replace(/^[^a-z]+/, '')
          .slice(0, 40) || 'x',
    };
    const id = element.id ? safeName(element.id) : null;
    if (id) node.id = id;
    const classes = [...element.classList].map(safeName).filter((name): name is string => name !== null);
    if (classes.length) node.classes = classes.slice(0, 20);
    let text = 0;
    for (const child of element.childNodes) if (child.nodeType === 3) text += (child.textContent ?? '').trim().length;
    if (text) node.text = text;
    const children: SkeletonNode[] = [];
    for (const child of element.children) {
      if (skipped.has(child.tagName.toUpperCase())) continue;
      if (count >= limits.maxNodes || depth >= limits.maxDepth) {
        truncated++;
        continue;
      }
      children.push(nodeOf(child, depth + 1));
    }
    if (children.length) node.children = children;
    return node;
  };

  const root = win.document.body ?? win.document.documentElement;
  const skeleton = { path: pathOf(win.location.pathname), globals, dom: nodeOf(root, 0), truncated };
  return { protocol: win.location.protocol, host: win.location.hostname, skeleton };
}
