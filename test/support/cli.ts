/** Runs the command line in-process with captured output, for the CLI tests. */
import { runCli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A capturing CliIO: what the command writes is read back with `output()`. */
export function captureIO(options: { tty?: boolean; env?: Record<string, string> } = {}): {
  io: CliIO;
  output: () => { stdout: string; stderr: string };
} {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: options.tty ?? false,
    env: options.env ?? {},
  };
  return { io, output: () => ({ stdout, stderr }) };
}

export async function cli(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const { io, output } = captureIO(options);
  const code = await runCli(argv, io);
  return { code, ...output() };
}
