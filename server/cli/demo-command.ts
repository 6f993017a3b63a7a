import { loadConfig } from '../config.ts';
import { seedDemoResults } from '../demo/results.ts';
import { seedDemo } from '../demo/seed.ts';
import { messages } from '../messages.ts';
import { openDatabase } from '../storage/database.ts';
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
