import type { JournalOverridesResponse } from '../../../shared/api/journal-overrides.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { getSetting, setSetting } from '../../platform/database/settings-store.ts';

const settingKey = 'journal_overrides';

/** Nothing published: every adapter as the extension shipped it. */
export const emptyOverrides: JournalOverridesResponse = { version: 1, adapters: [] };

/** The published document as stored (JSON text), so that its ETag stays the same between reads. */
export function publishedOverridesJson(db: Db): string {
  return getSetting(db, settingKey) ?? JSON.stringify(emptyOverrides);
}

function store(db: Db, document: JournalOverridesResponse, actor: string, action: string): void {
  db.transaction(() => {
    setSetting(db, settingKey, JSON.stringify(document));
    writeAudit(db, { actor, action, details: { adapters: document.adapters.map((entry) => entry.id) } });
  })();
}

/** Stores a document that has already been checked (server/features/journal-overrides/override-problems.ts), with its audit entry. */
export function publishOverrides(db: Db, document: JournalOverridesResponse, actor: string): void {
  store(db, document, actor, 'journal_overrides.publish');
}

/** Withdraws every override: the extensions go back to their built-in adapters. */
export function clearOverrides(db: Db, actor: string): void {
  store(db, emptyOverrides, actor, 'journal_overrides.clear');
}
