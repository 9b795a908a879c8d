// chatlogger: the operators' command line (bin/chatlogger.js runs this through tsx).
// Exit status: 0 done, 1 failed (one line saying why), 2 usage error (one line plus a --help hint).
import { createRequire } from 'node:module';
import { CliError, parseOptions, UsageError } from './args.js';
import { COMMANDS, DATABASE_HELP, EXIT_HELP } from './commands.js';
import { out } from './output.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
  return `Usage: chatlogger <command> [options]

ChatLogger's operator commands.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options:
  -h, --help      show this help; chatlogger <command> --help shows a command's
  -v, --version   show the version

${DATABASE_HELP}

${EXIT_HELP}`;
}

const findCommand = (name: string) => {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command;
};

async function run(argv: string[]): Promise<void> {
  // Two-word commands ("audit verify") are one name.
  const [first, ...rest] = COMMANDS.some((c) => c.name === `${argv[0]} ${argv[1]}`) ? [`${argv[0]} ${argv[1]}`, ...argv.slice(2)] : argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help' || (first === 'help' && rest.length === 0)) return out(toolHelp());
  if (first === '-v' || first === '--version') return out(pkg.version);
  if (first === 'help') return out(`${findCommand(rest[0]).help}\n\n${EXIT_HELP}`);
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  const command = findCommand(first);
  if (rest.includes('-h') || rest.includes('--help')) return out(`${command.help}\n\n${EXIT_HELP}`);
  const values = parseOptions(command.name, rest, command.options);
  for (const name of command.required) {
    if (typeof values[name] !== 'string') throw new UsageError(`missing --${name}`, command.name);
  }
  const execute = await command.load();
  await execute(values);
}

const debug = /^(debug|trace)$/i.test(process.env.LOG_LEVEL ?? '');

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

function causes(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  if (!(cause instanceof Error)) return '';
  return `Caused by: ${cause.stack ?? cause.message}\n${causes(cause)}`;
}

async function main(): Promise<number> {
  try {
    await run(process.argv.slice(2));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`chatlogger: ${err.message}\n`);
      process.stderr.write(`Run "chatlogger ${err.command ? `${err.command} ` : ''}--help" for usage.\n`);
      return 2;
    }
    const reason = err instanceof CliError ? firstLine(err) : `${process.argv[2]} failed: ${firstLine(err)}`;
    process.stderr.write(`chatlogger: ${reason}\n`);
    if (debug) process.stderr.write(`${(err as Error)?.stack ?? ''}\n${causes(err)}`);
    return 1;
  }
}

const code = await main();
// Everything is closed by now; exit at once rather than wait for idle timers of libraries.
process.stdout.write('', () => process.exit(code));
