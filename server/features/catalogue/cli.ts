import fs from 'node:fs';
import { CatalogueFileError, importCatalogue } from './import-programs.ts';
import { loadConfig } from '../../platform/config.ts';
import { messages } from './messages.ts';
import { openDatabase } from '../../platform/database/database.ts';
import { groupedInvalidRows } from '../../platform/cli/invalid-rows.ts';
import { CliError } from '../../platform/cli/cli-error.ts';

const t = messages.catalogueImport;

/** `profrost programs import FILE.csv [--skip-invalid]`: the same import the admin page previews. */
export async function programsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const skipInvalid = rest.includes('--skip-invalid');
  const files = rest.filter((arg) => arg !== '--skip-invalid');
  if (sub !== 'import' || files.length !== 1) throw new CliError(t.usage);
  const file = files[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(t.fileMissing(file));
  const content = fs.readFileSync(file);

  const db = openDatabase(loadConfig().dataDir);
  try {
    const result = importCatalogue(db, content, { skipInvalid });
    for (const line of groupedInvalidRows(result.invalid)) console.error(`  ${line}`);
    if (!result.imported) throw new CliError(t.notImported(result.invalid.length));
    console.log(t.imported(result.created, result.updated, result.runs, result.invalid.length));
  } catch (error) {
    if (error instanceof CatalogueFileError) throw new CliError(error.message);
    throw error;
  } finally {
    db.close();
  }
}
