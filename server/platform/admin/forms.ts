import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { messages } from '../messages.ts';
import { errorPage } from './layout.tsx';

/** Reading the plain HTML forms of the admin pages. */

/** The largest upload: a roster of a whole republic is well under a megabyte. */
export const maxUploadBytes = 5 * 1024 * 1024;

/** Refuses bodies larger than an upload plus its form fields, with a Russian page. */
export const adminBodyLimit = bodyLimit({
  maxSize: maxUploadBytes + 64 * 1024,
  onError: (c) => errorPage(c, 413, messages.adminPages.errorTitle, messages.adminPages.tooLarge),
});

export type Form = Record<string, string | File | (string | File)[]>;

/** The form's fields; a field sent several times (checkboxes) is an array. */
export async function readForm(c: Context): Promise<Form> {
  return (await c.req.parseBody({ all: true })) as Form;
}

/** A text field, trimmed; empty when absent. */
export function formText(form: Form, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every value of a repeated field (checkboxes). */
export function formList(form: Form, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
}

/** The uploaded file of a field, or undefined when none was chosen. */
export async function formFile(form: Form, name: string): Promise<{ name: string; content: Uint8Array } | undefined> {
  const value = form[name];
  const file = Array.isArray(value) ? value[0] : value;
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return undefined;
  return { name: file.name, content: new Uint8Array(await file.arrayBuffer()) };
}
