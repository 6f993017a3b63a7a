/**
 * A journal page's skeleton as the extension's worker checks it before
 * queueing «Сообщить о странице», without zod (shared/guards/guard.ts says
 * why): written after `pageSkeletonSchema` of shared/api/journal-reports.ts,
 * which the server checks it with again; skeleton-guard.test.ts holds the two
 * to agree.
 */
import { array, type Guard, int, lazy, object, oneOf, strictObject, string, unknown } from '../guards/guard.ts';
import type { PageSkeletonWire, SkeletonNodeWire } from './journal-reports.ts';

/** journal-reports.ts `maxSkeletonNodes`. */
export const maxSkeletonNodes = 2000;

const skeletonName = () => string({ pattern: /^[A-Za-z_:-][\w:-]{0,79}$/ });
const globalKeyPath = string({ pattern: /^[A-Za-z_$][\w$]{0,60}(\[\])?(\.[A-Za-z_$][\w$]{0,60}(\[\])?){0,3}$/ });

function countNodes(node: SkeletonNodeWire): number {
  return 1 + (node.children ?? []).reduce((sum, child) => sum + countNodes(child), 0);
}

export const skeletonNodeGuard: Guard<SkeletonNodeWire> = lazy(() =>
  strictObject({
    tag: string({ pattern: /^[a-z][a-z0-9-]{0,40}$/ }),
    id: skeletonName().optional(),
    classes: array(skeletonName(), { max: 20 }).optional(),
    text: int(0, 10_000_000).optional(),
    children: array(skeletonNodeGuard, { max: 1500 }).optional(),
  }),
);

export const pageSkeletonGuard: Guard<PageSkeletonWire> = strictObject({
  path: string({ pattern: /^\/[\w.~:/-]{0,400}$/ }),
  globals: array(strictObject({ name: string({ pattern: /^[A-Za-z_$][\w$]{0,60}$/ }), keys: array(globalKeyPath, { max: 300 }) }), { max: 10 }),
  dom: skeletonNodeGuard.refine((dom) => countNodes(dom) <= maxSkeletonNodes, 'не больше 2000 элементов'),
  truncated: int(0, 10_000_000),
});

/** What the tab answers when the page's skeleton is read there (extension/report/skeleton.ts); the skeleton is checked on its own. */
export const capturedPageGuard = object({ protocol: oneOf(['http:', 'https:']), host: string({ max: 253 }), skeleton: unknown() });
