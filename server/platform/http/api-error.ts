import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError as ApiErrorBody } from '../../../shared/api/errors.ts';

/**
 * An error a client caused or must know about. Thrown anywhere in a handler;
 * the app turns it into `{error: {code, message}}` with the status.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
