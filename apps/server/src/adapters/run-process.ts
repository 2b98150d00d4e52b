import { spawn } from 'node:child_process';

/** A program that could not be run, failed or ran too long; the message is meant to be read by an admin. */
export class ProcessError extends Error {
  constructor(
    message: string,
    readonly reason: 'not_runnable' | 'failed' | 'timed_out',
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}

export interface RunProcessOptions {
  /** Name used in error messages, e.g. `ffmpeg (transcode)`. */
  label: string;
  /** The process is killed after this long. */
  timeoutMs: number;
  /** The variable that chooses the binary, named in the error when it cannot be run. */
  configVariable?: string;
  /** Text replaced in error messages (file paths become `input`, `output`…). */
  redactions?: Record<string, string>;
  /** Largest stdout kept (ffprobe JSON); more fails the run. */
  maxStdoutBytes?: number;
}

const stderrTailBytes = 2000;

/** Runs a binary without a shell; resolves with its stdout, rejects with a ProcessError naming the stderr tail. */
export function runProcess(file: string, args: string[], options: RunProcessOptions): Promise<string> {
  const maxStdout = options.maxStdoutBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let isTimedOut = false;
    const timer = setTimeout(() => {
      isTimedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) child.kill('SIGKILL');
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-stderrTailBytes);
    });
    // A binary that cannot be started emits both 'error' and 'close': only the first outcome counts.
    let isSettled = false;
    const settle = () => {
      clearTimeout(timer);
      const wasSettled = isSettled;
      isSettled = true;
      return !wasSettled;
    };
    const fail = (message: string, reason: ProcessError['reason']) => {
      if (settle()) reject(new ProcessError(redact(message, options.redactions), reason));
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      const hint = options.configVariable ? ` (set ${options.configVariable})` : '';
      if (err.code === 'ENOENT') fail(`${options.label}: "${file}" was not found${hint}`, 'not_runnable');
      else fail(`${options.label}: "${file}" could not be run: ${err.message}${hint}`, 'not_runnable');
    });
    child.once('close', (code, signal) => {
      if (isTimedOut)
        return fail(`${options.label} took longer than ${options.timeoutMs / 1000} s`, 'timed_out');
      if (stdoutBytes > maxStdout) return fail(`${options.label} wrote more output than expected`, 'failed');
      if (code !== 0) {
        const status = code === null ? `was stopped by ${signal ?? 'a signal'}` : `exited with code ${code}`;
        return fail(`${options.label} ${status}: ${summariseStderr(stderr)}`, 'failed');
      }
      if (settle()) resolve(Buffer.concat(stdout).toString('utf8'));
    });
  });
}

/** The last few lines of ffmpeg's complaints, without the memory addresses it prints (`[matroska @ 0x55…]`). */
function summariseStderr(stderr: string): string {
  const lines = stderr
    .replace(/ @ 0x[0-9a-f]+/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(-5).join('; ') || '(no message)';
}

function redact(message: string, redactions: Record<string, string> = {}): string {
  // Longest first, so a folder never replaces part of a file path inside it.
  const entries = Object.entries(redactions).sort(([a], [b]) => b.length - a.length);
  return entries.reduce((text, [from, to]) => text.split(from).join(to), message);
}
