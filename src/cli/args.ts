// Command-line parsing on node's util.parseArgs, with parseArgs' messages turned into short ones
// that name the option (a UsageError: exit status 2, plus a hint to use --help).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  /** The command whose --help the hint points to; undefined for the tool's own. */
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

/** A failure the operator can act on, reported as one line with exit status 1. */
export class CliError extends Error {}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

function optionIn(message: string): string {
  return /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';
}

export function parseOptions(command: string, args: string[], options: OptionSpec): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    const option = optionIn(message);
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`unknown option ${option} for ${command}`, command);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        if (message.includes('does not take an argument')) throw new UsageError(`option ${option} takes no value`, command);
        if (message.includes('ambiguous')) {
          throw new UsageError(`option ${option} needs a value (write ${option}=VALUE for a value that starts with "-")`, command);
        }
        throw new UsageError(`option ${option} needs a value`, command);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
        const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
        throw new UsageError(`unexpected argument "${argument}" (${command} takes only options)`, command);
      }
      default:
        throw new UsageError(message.split('\n')[0], command);
    }
  }
}
