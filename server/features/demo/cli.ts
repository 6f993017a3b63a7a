import { loadConfig } from '../../platform/config.ts';
import { seedDemoResults } from './results.ts';
import { seedDemo } from './seed.ts';
import { messages } from './messages.ts';
import { openDatabase } from '../../platform/database/database.ts';
import { formatDemoCredentials } from './print-demo.ts';

/** `profrost demo`: the same demo data that `npm start` seeds on first start. */
export async function demoCommand(): Promise<void> {
  const db = openDatabase(loadConfig().dataDir);
  try {
    const demo = await seedDemo(db);
    if (demo) seedDemoResults(db);
    console.log(demo ? formatDemoCredentials(demo) : messages.demo.alreadySeeded);
  } finally {
    db.close();
  }
}
