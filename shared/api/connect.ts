import { z } from 'zod';
import { deviceInstantSchema, withoutControlCharacters } from '../schemas/input.ts';

/**
 * The consent the teacher ticked before connecting: which edition of the text
 * (its date, as the panel shows it) and when, on the device's clock. The
 * server keeps it with the device and its own time of receipt.
 */
export const consentSchema = z.strictObject({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'редакция текста согласия — дата в формате ГГГГ-ММ-ДД'),
  acceptedAt: deviceInstantSchema('время согласия'),
});
export type Consent = z.infer<typeof consentSchema>;

/** `POST /api/v1/connect`: a one-time code from the methodist, exchanged for this device's token. */
export const connectRequestSchema = withoutControlCharacters(
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^[2-9A-HJ-NP-Za-hj-np-z]{4}[-\s]?[2-9A-HJ-NP-Za-hj-np-z]{4}$/, 'код из 8 знаков, например K7QM-3HXD'),
    /** A label the teacher recognises later, e.g. «Ноутбук, кабинет 12». */
    device: z.string().trim().min(1).max(200),
    /** Sent by every extension since the server keeps consent; extensions released before send none. */
    consent: consentSchema.optional(),
    /**
     * The name the teacher confirmed in her journal («Егорова С. М.»). When
     * given, a code of a roster teacher whose full name does not agree with it
     * (shared/journals/teacher-name.ts) is refused before it is used up.
     */
    name: z.string().trim().max(200).optional(),
  }),
);
export type ConnectRequest = z.infer<typeof connectRequestSchema>;

export const connectedTeacherSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  school: z.string(),
  municipality: z.string(),
});

export const connectResponseSchema = z.object({
  /** Bearer token of this device; shown once, stored by the server only as a hash. */
  token: z.string(),
  teacher: connectedTeacherSchema,
});
export type ConnectResponse = z.infer<typeof connectResponseSchema>;
