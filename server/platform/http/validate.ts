import type { Context } from 'hono';
import type { z } from 'zod';
import { messages } from '../messages.ts';
import { ApiError } from './api-error.ts';
import { requestHeader, requestText } from './node-request.ts';

/** One sentence for the first problem: where it is and what is wrong. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? messages.api.field(issue.path.join('.')) : '';
  return messages.api.invalidData(`${where}${issue.message}`);
}

/** The text of a request declared as JSON; another content type is a 415 with a sentence. */
export function readJsonText(c: Context): Promise<string> {
  if (!requestHeader(c, 'content-type')?.includes('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', messages.api.notJson);
  }
  return requestText(c);
}

/** The request's JSON body, validated with a shared schema; any problem is a 400 with a sentence. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseJsonBody(await readJsonText(c), schema);
}

/** A body's text as JSON validated with a shared schema; any problem is a 400 with a sentence. */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  const checked = checkJsonBody(text, schema);
  if ('problem' in checked) throw new ApiError(400, checked.problem.code, checked.problem.message);
  return checked.body;
}

/** What is wrong with a body, as data: not JSON at all, or not what the contract says. */
export interface BodyProblem {
  code: 'invalid_json' | 'invalid_body';
  message: string;
}

/** A body's text as JSON validated with a shared schema, or its problem as a value (for work that must not throw HTTP errors). */
export function checkJsonBody<S extends z.ZodType>(text: string, schema: S): { body: z.output<S> } | { problem: BodyProblem } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: { code: 'invalid_json', message: messages.api.badJson } };
  }
  const result = schema.safeParse(body);
  if (!result.success) return { problem: { code: 'invalid_body', message: describeIssues(result.error) } };
  return { body: result.data };
}

/** The query string, validated with a shared schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ApiError(400, 'invalid_query', describeIssues(result.error));
  return result.data;
}
