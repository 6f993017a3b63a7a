import { catalogueDay } from '../../shared/run-dates.ts';
import { eventSchema, type MethodicalEventInput } from '../../shared/schemas/event.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { saveEvent } from '../../server/features/events/store.ts';

/** Stores an event of `seats` seats, republic-wide, a week long starting today (open for sign-up and for marking), unless `extra` says otherwise. */
export function addEvent(db: Db, id: string, seats: number, extra: Partial<MethodicalEventInput> = {}): string {
  const event = eventSchema.parse({
    id,
    kind: 'methodicalAssociation',
    title: `Заседание МО ${id}`,
    place: 'https://vk.com/call/test',
    start: catalogueDay(new Date()),
    end: catalogueDay(new Date(), 7),
    seats,
    ...extra,
  });
  const result = saveEvent(db, event, 'test');
  if (result.kind !== 'saved') throw new Error(`could not save the event: ${result.kind}`);
  return id;
}
