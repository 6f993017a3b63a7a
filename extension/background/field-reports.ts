import { routes } from '../../shared/api/routes.ts';
import type { DetectionEvent, JournalReportReason } from '../../shared/api/journal-reports.ts';
import { capturedPageGuard, pageSkeletonGuard } from '../../shared/api/skeleton-guard.ts';
import { currentAdapters } from '../journals/cached-adapters.ts';
import { hostMatches } from '../journals/detect.ts';
import { messages } from '../messages.ts';
import { batchDetectionCounts, countDetection } from '../report/detection-counts.ts';
import { endpointRequest } from '../sync/api-client.ts';
import type { Lock } from '../sync/lock.ts';
import { createOutbox } from '../sync/outbox.ts';
import { listSessions, outboxKey } from '../sync/sessions.ts';
import type { StorageArea } from '../sync/storage-area.ts';

const t = messages.report;

/** Where a message to the worker came from: the tab of the journal page (the background fills it from the sender). */
export interface RequestOrigin {
  tabId?: number | undefined;
  tabUrl?: string | undefined;
}

/**
 * The loop back from the field, in the worker: detection counted per journal
 * and host, batched into a teacher's outbox, and «Сообщить о странице»: the
 * page's skeleton read in the tab (by `capturePage`), checked with a guard
 * written after the server's own schema (so nothing the page slipped into it leaves), and queued
 * in the teacher's outbox like any change.
 */
export function createFieldReports({
  local,
  lock,
  now,
  randomId,
  capturePage,
}: {
  local: StorageArea;
  lock: Lock;
  now: () => number;
  randomId: () => string;
  capturePage?: ((tabId: number) => Promise<unknown>) | undefined;
}) {
  async function journalOf(url: URL): Promise<string> {
    const adapters = await currentAdapters(local);
    return adapters.find((adapter) => hostMatches(adapter, url))?.id ?? 'unknown';
  }

  async function count(event: DetectionEvent, from: RequestOrigin): Promise<void> {
    if (!from.tabUrl) return;
    let url: URL;
    try {
      url = new URL(from.tabUrl);
    } catch {
      return;
    }
    await countDetection(local, lock, await journalOf(url), url.hostname, event);
  }

  /** Moves the counts into the first connected teacher's outbox when a batch is due; false when there is no one to send them. */
  async function batchCounts(force = false): Promise<string | null> {
    const [session] = await listSessions(local);
    if (!session) return null;
    const made = await batchDetectionCounts(local, lock, { outboxKey: outboxKey(session.id), id: randomId(), now: now(), force });
    return made ? session.id : null;
  }

  async function report(sessionId: string, reason: JournalReportReason, from: RequestOrigin): Promise<{ ok: true } | { ok: false; message: string }> {
    if (from.tabId === undefined || !capturePage) return { ok: false, message: t.notHere };
    const captured = capturedPageGuard.check(await capturePage(from.tabId).catch(() => null));
    if (!captured.ok) return { ok: false, message: t.unreadable };
    const skeleton = pageSkeletonGuard.check(captured.value.skeleton);
    if (!skeleton.ok) return { ok: false, message: t.unreadable };
    const { protocol, host } = captured.value;
    const journal = await journalOf(new URL(`${protocol}//${host}${skeleton.value.path.replace(/:id|:text/g, '0')}`));
    const id = randomId();
    const body = { id, journal, host, reason, skeleton: skeleton.value };
    await createOutbox({ area: local, key: outboxKey(sessionId), lock, now }).add({
      id,
      key: `journalReport:${id}`,
      kind: 'journalReport',
      label: t.outboxLabel,
      request: endpointRequest(routes.sendJournalReport, { body }),
    });
    return { ok: true };
  }

  return { count, batchCounts, report };
}
