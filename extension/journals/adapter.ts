import { z } from 'zod';

/** Who the journal page says is logged in; only these three facts ever leave the page. */
export interface JournalTeacher {
  name: string;
  school: string;
  role: string;
}

/*
 * A journal adapter is DATA, not code: URL patterns, CSS selectors and paths
 * into a page global, in a plain object that this schema validates. The server
 * may later publish an override of these data (see override.ts) to correct or
 * switch off a broken adapter without a new release; the extension never runs
 * code it did not ship with, so nothing in here is ever evaluated as code.
 * Regexes are compiled with `new RegExp`, selectors go to `querySelector`,
 * paths are walked property by property.
 */

/** Match pattern, as in the manifest: `https://sgo.e-yakutia.ru/*`, `https://*.eljur.ru/*`. */
export const matchPatternSchema = z
  .string()
  .max(200)
  .regex(/^(https?|\*):\/\/(\*|(\*\.)?[a-z0-9.-]+)\/.*$/, 'a match pattern such as https://host/*');

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A regular expression (as a string) tested against the page's path (`url.pathname`). */
export const pathRegexSchema = z.string().min(1).max(300).refine(compiles, 'not a valid regular expression');

/** A CSS selector; an invalid one simply finds nothing (querySelector errors are caught). */
export const selectorSchema = z.string().min(1).max(300);

/**
 * Property names that hold credentials in the journals we know (Сетевой город's
 * `at`, МЭШ's aupd_token, session ids, cookies). A path through a page global
 * may never touch them: neither a built-in adapter nor an override can make the
 * extension read a token and show or send it as a "name".
 */
export const FORBIDDEN_SEGMENT = /^(at|__proto__|prototype|constructor)$|token|cookie|session|passw|secret|auth|jwt|key|sid$/i;

/** `user.name`, `userContext.currentContextPerson.school.name`, `roles.0` */
export const globalPathSchema = z
  .string()
  .max(160)
  .regex(/^[A-Za-z_$][\w$]*(\.([A-Za-z_$][\w$]*|\d{1,3}))*$/, 'a dotted property path')
  .refine((path) => path.split('.').every((segment) => !FORBIDDEN_SEGMENT.test(segment)), 'the path touches a credential');

/** One way to read a value: a single path, or several paths whose values are joined by a space (last, first, middle name). */
export const globalFieldSchema = z.union([globalPathSchema, z.array(globalPathSchema).min(1).max(4)]);
/** Candidates tried in order; the first non-empty value wins. */
export const globalFieldCandidatesSchema = z.array(globalFieldSchema).min(1).max(4);

/**
 * The page globals the extension may read. A closed list: an override cannot
 * point the page-world bridge at anything else (localStorage, document.cookie…).
 */
export const pageGlobalSchema = z.enum(['appContext', '__USER__START__PAGE__INITIAL__STATE__']);
export type PageGlobal = z.infer<typeof pageGlobalSchema>;

/**
 * How reliable the identity description is. `confirmed`: checked against the
 * journal's real pages. `unconfirmed`: reconstructed from public open-source
 * clients or guessed; the panel must ask the teacher to confirm the name.
 */
export const confidenceSchema = z.enum(['confirmed', 'unconfirmed']);

/**
 * A DOM field: a selector whose text is the value, or a labelled form row —
 * the label element (matching `labelSelector`) whose text is `label`, and the
 * value in the first following sibling (or the row) that matches `valueSelector`.
 */
export const domFieldSchema = z.union([
  selectorSchema,
  z
    .object({
      labelSelector: selectorSchema,
      label: z.string().min(1).max(100),
      valueSelector: selectorSchema,
    })
    .strict(),
]);
export type DomField = z.infer<typeof domFieldSchema>;

export const domIdentitySchema = z
  .object({
    source: z.literal('dom'),
    confidence: confidenceSchema,
    name: domFieldSchema,
    school: domFieldSchema.optional(),
    role: domFieldSchema.optional(),
  })
  .strict();

export const pageGlobalIdentitySchema = z
  .object({
    source: z.literal('pageGlobal'),
    confidence: confidenceSchema,
    global: pageGlobalSchema,
    fields: z
      .object({
        name: globalFieldCandidatesSchema,
        school: globalFieldCandidatesSchema.optional(),
        role: globalFieldCandidatesSchema.optional(),
        /** Paths to flags that, when true, say the logged-in user is not staff (isStudent, isParent). */
        notTeacherFlags: z.array(globalPathSchema).max(4).optional(),
      })
      .strict(),
  })
  .strict();
export type PageGlobalIdentity = z.infer<typeof pageGlobalIdentitySchema>;

export const identitySchema = z.discriminatedUnion('source', [domIdentitySchema, pageGlobalIdentitySchema]);
export type JournalIdentity = z.infer<typeof identitySchema>;

/** Where the launcher goes: floating in the corner, or next to an element of the journal. */
export const mountSchema = z.union([
  z.literal('floating'),
  z
    .object({
      selector: selectorSchema,
      position: z.enum(['first', 'last', 'before', 'after']),
    })
    .strict(),
]);
export type JournalMount = z.infer<typeof mountSchema>;

export const adapterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/),
    /** The journal's name as teachers know it. */
    title: z.string().min(1).max(120),
    /** Match patterns of the journal's pages, for the manifest. */
    hosts: z.array(matchPatternSchema).min(1).max(50),
    /** A page is a teacher page if its path matches one of these… */
    teacherPages: z.array(pathRegexSchema).min(1).max(20),
    /** …and none of these (sign-in, student and parent pages). */
    excludePages: z.array(pathRegexSchema).max(20).default([]),
    /** An element that only a signed-in page has; checked before anything is injected. */
    requireSelector: selectorSchema.optional(),
    /** Role texts that mean "not a teacher" (case-insensitive regexes): the launcher is removed. */
    excludeRoles: z.array(pathRegexSchema).max(10).default([]),
    /** Absent: the real markup is unknown; the launcher floats and the teacher types their name. */
    identity: identitySchema.optional(),
    mount: mountSchema,
    enabled: z.boolean(),
  })
  .strict();

/** The input form (defaults may be omitted) and the validated form. */
export type JournalAdapterInput = z.input<typeof adapterSchema>;
export type JournalAdapter = z.output<typeof adapterSchema>;

/** Validates a built-in adapter at module load: a typo in the data fails every test, not a teacher's page. */
export function defineAdapter(input: JournalAdapterInput): JournalAdapter {
  return adapterSchema.parse(input);
}

/** Role texts that always mean the user is not a teacher (student, parent). */
export const NOT_TEACHER_ROLES = ['ученик', 'учащ', 'обучающ', 'родител', 'законный представитель', 'student', 'parent'];

export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function textOf(document: Document, selector: string): string {
  try {
    return normalizeText(document.querySelector(selector)?.textContent);
  } catch {
    return ''; // an invalid selector (e.g. from a faulty override) finds nothing
  }
}
