/** Where the command line reads and writes, so tests can run `main()` in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colour level the terminal supports (0 none, 1 basic, 2 256, 3 truecolor). */
  readonly colorLevel: 0 | 1 | 2 | 3;
}
