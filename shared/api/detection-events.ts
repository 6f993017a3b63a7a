/** What detection counts, per journal and host (shared/api/journal-reports.ts); zod-free, for the extension's worker that counts them. */
export const detectionEvents = ['pagesSeen', 'identityRead', 'confirmed', 'corrected', 'launcherFailed'] as const;
