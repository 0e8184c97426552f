export interface Command {
  name: string;
  /** Full help, with examples. */
  help: string;
  run(argv: string[]): Promise<number>;
}
