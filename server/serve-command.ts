import { loadConfig } from './platform/config.ts';
import { messages } from './messages.ts';
import { seedDemoResults } from './features/demo/results.ts';
import { startServer } from './serve.ts';
import { currentPeriod } from './features/aggregates/period.ts';
import { warmSummaryBase } from './features/summaries/store/warm.ts';
import { formatDemoCredentials } from './features/demo/print-demo.ts';

/** `profrost serve [--demo]`: `--demo` makes demo seeding the default, as `npm start` wants. */
export async function serveCommand(args: string[]): Promise<void> {
  const config = loadConfig(process.env, { demo: args.includes('--demo') });
  const server = await startServer(config);
  if (server.demo) {
    seedDemoResults(server.db);
    console.log(`${formatDemoCredentials(server.demo)}\n`);
  }
  console.log(messages.start.listening(server.url));
  console.log(messages.start.demoJournal(server.url));
  console.log(messages.start.adminPages(server.url));
  console.log(messages.start.dataDir(config.dataDir));
  // The summaries' base of this учебный год, computed once on its thread after the start, so that the first report page
  // does not wait for it (on a republic of 100,000 teachers, seconds). Here, not in the app: a test's app needs no warm.
  setTimeout(() => void warmSummaryBase(server.db, { period: currentPeriod(), minGroup: config.minGroup }), 1_000).unref();

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
