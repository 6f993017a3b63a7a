import { z } from 'zod';
import type { Endpoint } from './endpoint.ts';

/*
 * The loop back from the field (issue 15): «Сообщить о странице» sends the
 * skeleton of a journal page the adapters did not understand, and the
 * extension sends how detection went, counted per journal and host. Neither
 * carries anything personal; these schemas hold that at the server too: every
 * string is a short identifier from a closed alphabet (no Cyrillic, no
 * spaces), every text is a number (its length), sizes are bounded.
 */

/** An id or class as the skeleton keeps it: ASCII letters, digits, `_`, `-`, and `:id` for a run of digits. */
const skeletonName = z
  .string()
  .regex(/^[A-Za-z_:-][\w:-]{0,79}$/, 'id или класс элемента: до 80 латинских букв, цифр, «_», «-» или «:id», без текста страницы');
/** A key path of a page global: `user.name`, `roles[]`, at most four levels. */
const globalKeyPath = z
  .string()
  .regex(
    /^[A-Za-z_$][\w$]{0,60}(\[\])?(\.[A-Za-z_$][\w$]{0,60}(\[\])?){0,3}$/,
    'ключ глобального объекта: имена из латинских букв и цифр через точку, не глубже четырёх уровней',
  );

export interface SkeletonNodeWire {
  tag: string;
  id?: string;
  classes?: string[];
  text?: number;
  children?: SkeletonNodeWire[];
}

export const skeletonNodeSchema: z.ZodType<SkeletonNodeWire> = z.lazy(() =>
  z.strictObject({
    tag: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'тег элемента: латинские буквы и цифры'),
    id: skeletonName.optional(),
    classes: z.array(skeletonName).max(20).optional(),
    /** A length: a number, never the text. */
    text: z.number('вместо текста элемента передаётся только его длина — число').int().min(0).max(10_000_000).optional(),
    children: z.array(skeletonNodeSchema).max(1500).optional(),
  }),
);

/** How many elements a skeleton holds, to bound it beyond the body's size. */
export function countNodes(node: SkeletonNodeWire): number {
  return 1 + (node.children ?? []).reduce((sum, child) => sum + countNodes(child), 0);
}

export const maxSkeletonNodes = 2000;

export const pageSkeletonSchema = z.strictObject({
  /** The path with every number as `:id`; a segment with anything but ASCII as `:text`. */
  path: z.string().regex(/^\/[\w.~:/-]{0,400}$/, 'путь страницы: латинские буквы, цифры и «:id» вместо чисел, до 400 знаков'),
  globals: z.array(z.strictObject({ name: z.string().regex(/^[A-Za-z_$][\w$]{0,60}$/), keys: z.array(globalKeyPath).max(300) })).max(10),
  dom: skeletonNodeSchema.refine((dom) => countNodes(dom) <= maxSkeletonNodes, 'слишком много элементов'),
  truncated: z.number().int().min(0).max(10_000_000),
});
export type PageSkeletonWire = z.infer<typeof pageSkeletonSchema>;

/** A journal adapter's id (`sgo`, `eljur`…) or `unknown` when no adapter knew the page. */
const journalId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'журнал: идентификатор адаптера латинскими буквами');
/** A host name, as the journal's pages have it: no port, no user, no path. */
const hostName = z.string().regex(/^[a-z0-9.-]{1,253}$/, 'адрес журнала: имя хоста без порта и пути');

/** Why the teacher reported the page. */
export const journalReportReasons = ['notDetected', 'noName', 'nameCorrected'] as const;
export type JournalReportReason = (typeof journalReportReasons)[number];

/** `POST /api/v1/journal-reports`: one page's skeleton, sent once (`id` makes a resend harmless). */
export const journalReportRequestSchema = z.strictObject({
  id: z.uuid(),
  journal: journalId,
  host: hostName,
  reason: z.enum(journalReportReasons),
  skeleton: pageSkeletonSchema,
});
export type JournalReportRequest = z.infer<typeof journalReportRequestSchema>;

/** What detection counts, per journal and host. */
// In a zod-free module, for the extension's worker that counts them.
import { detectionEvents } from './detection-events.ts';
export { detectionEvents };
export type DetectionEvent = (typeof detectionEvents)[number];

const count = z.number().int().min(0).max(1_000_000);
export const detectionCountsSchema = z.strictObject({
  journal: journalId,
  host: hostName,
  pagesSeen: count,
  identityRead: count,
  confirmed: count,
  corrected: count,
  launcherFailed: count,
});
export type DetectionCounts = z.infer<typeof detectionCountsSchema>;

/** `POST /api/v1/journal-health`: counts gathered since the last batch; `id` makes a resend add nothing. */
export const detectionBatchSchema = z.strictObject({
  id: z.uuid(),
  counts: z.array(detectionCountsSchema).min(1).max(200),
});
export type DetectionBatch = z.infer<typeof detectionBatchSchema>;

export const receivedSchema = z.object({ received: z.boolean() });

export const journalReportEndpoints = {
  sendJournalReport: {
    method: 'post',
    path: '/api/v1/journal-reports',
    summary: 'Сообщить о странице журнала: её скелет без текста, значений и токенов',
    description:
      'Отправляется с согласия педагога, когда расширение не узнало страницу или педагог исправил имя. Скелет: путь с числами как :id, имена ключей разрешённых глобальных объектов страницы, теги, id и классы элементов с длиной текста вместо текста. Повтор с тем же id ничего не добавляет.',
    auth: 'teacher',
    body: journalReportRequestSchema,
    response: { status: 200, schema: receivedSchema },
  },
  sendDetectionCounts: {
    method: 'post',
    path: '/api/v1/journal-health',
    summary: 'Счётчики распознавания страниц журналов по журналу и адресу, без личных данных',
    description: 'Пакет счётчиков с прошлой отправки; сервер складывает их. Повтор пакета с тем же id ничего не добавляет.',
    auth: 'teacher',
    body: detectionBatchSchema,
    response: { status: 200, schema: receivedSchema },
  },
} as const satisfies Record<string, Endpoint>;
