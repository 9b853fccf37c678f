/** Where the command line reads and writes, so tests can run `main()` in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /** Raw bytes to standard output: a fixed spec read from standard input, in its own encoding. */
  readonly stdoutBytes: (bytes: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** All of standard input, for the path `-`. */
  readonly readStdin: () => Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colour level the terminal supports (0 none, 1 basic, 2 256, 3 truecolor). */
  readonly colorLevel: 0 | 1 | 2 | 3;
  /** Whether standard error is a terminal: a progress line is drawn only there. */
  readonly stderrIsTTY: boolean;
}
