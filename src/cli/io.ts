/** What a command may touch of its surroundings — injected so that tests run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** draw a progress bar on stderr? (a person is watching a terminal) */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** A subcommand: `sim <name> ...`. Returns the exit status (0 ok, 1 internal error, 2 bad input). */
export interface Command {
  name: string;
  summary: string;
  /** another name of the command named here (listed with it, not on its own line) */
  aliasOf?: string;
  usage(): string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** A file-system error as a short reason, without the path Node repeats in its messages. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
