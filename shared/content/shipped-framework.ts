import type { Framework } from '../schemas/framework.ts';
import { loadFramework } from './check.ts';
import { frameworkContent } from './framework.ts';

/**
 * The shipped competency framework, parsed and checked. Its own module so that
 * the extension's background worker, which scores on the device with it but
 * gets the instruments from the server, does not carry and parse the shipped
 * instruments (index.ts) every time it starts.
 */
export const framework: Framework = loadFramework(frameworkContent);
