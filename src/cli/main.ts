// chatlogger: the operators' command line (bin/chatlogger.js runs this through tsx).
// Exit status: 0 done, 1 failed (one line saying why), 2 usage error (one line plus a --help hint).
import { createRequire } from 'node:module';
import { CliError, UsageError } from './args.js';
import type { Command } from './command.js';
import { createOrgCommand } from './create-org.js';
import { DATABASE_HELP, EXIT_HELP } from './help.js';
import { migrateCommand } from './migrate.js';
import { out } from './output.js';
import { resetPasswordCommand } from './reset-password.js';

const COMMANDS: Command[] = [migrateCommand, createOrgCommand, resetPasswordCommand];

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

async function run(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help' || (first === 'help' && rest.length === 0)) return out(toolHelp());
  if (first === '-v' || first === '--version') return out(pkg.version);
  if (first === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    if (!command) throw new UsageError(`unknown command "${rest[0]}"`);
    return out(command.help);
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) throw new UsageError(`unknown command "${first}"`);
  if (rest.includes('-h') || rest.includes('--help')) return out(`${command.help}\n\n${EXIT_HELP}`);
  await command.run(rest);
}

const debug = /^(debug|trace)$/i.test(process.env.LOG_LEVEL ?? '');

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}

async function main(): Promise<number> {
  try {
    await run(process.argv.slice(2));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`chatlogger: ${err.message}\n`);
      const help = err.command ? `chatlogger ${err.command} --help` : 'chatlogger --help';
      process.stderr.write(`Run "${help}" for usage.\n`);
      return 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`chatlogger: ${firstLine(err)}\n`);
    } else {
      process.stderr.write(`chatlogger: ${process.argv[2]} failed: ${firstLine(err)}\n`);
    }
    if (debug) process.stderr.write(`${(err as Error)?.stack ?? ''}\n${formatCause(err)}`);
    return 1;
  }
}

function formatCause(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  if (!(cause instanceof Error)) return '';
  return `Caused by: ${cause.stack ?? cause.message}\n${formatCause(cause)}`;
}

const code = await main();
// Everything is closed by now; exit at once rather than wait for idle timers of libraries.
process.stdout.write('', () => process.exit(code));
