import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const cliPath = path.resolve('bin/profrost.js');

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output contains `text`; rejects if the process exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/** Runs `profrost …` as a user would, as a separate Node process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): CliProcess {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  if (input !== undefined) child.stdin.end(input);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no «${text}» within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
        const check = () => {
          if (output.includes(text)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        void exited.then((code) => {
          clearTimeout(timer);
          if (!output.includes(text)) reject(new Error(`exited with ${code} before «${text}»; output:\n${output}`));
        });
        check();
      });
    },
  };
}
