import type { OptionSpec } from './args.js';

export interface Command {
  name: string;
  /** One line for the tool's --help. */
  summary: string;
  /** The command's --help. */
  help: string;
  options: OptionSpec;
  run(args: string[]): Promise<void>;
}
