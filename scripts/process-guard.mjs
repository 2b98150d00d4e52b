// Runs a command as the leader of a process group of its own and ends the whole group when the process that
// started it goes away, however it goes (exit, crash, SIGKILL, a test runner's timeout):
//
//   spawn(process.execPath, [guard, command, ...args], { detached: true, stdio: ['pipe', out, err] })
//
// The parent holds the write end of the guard's stdin and never writes to it: the kernel closes it when the parent
// dies, the guard reads end-of-file and stops the command. SIGTERM or SIGINT to the guard stops the command too
// (SIGTERM, then SIGKILL after ONEWAY_GUARD_GRACE_MS, default 10 s). Whatever is left of the group when the command
// has gone (an ffmpeg the server started) gets SIGTERM. The guard exits with the command's code (128 + signal
// number when a signal ended it). Killing the group (`process.kill(-guard.pid, 'SIGKILL')`) is a crash of all
// of it at once.
import { spawn } from 'node:child_process';
import os from 'node:os';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node process-guard.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const graceMs = Number(process.env.ONEWAY_GUARD_GRACE_MS ?? 10_000);

// Same process group as the guard (no `detached`), so one kill of the group reaches both.
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop() {
  if (stopping || child.exitCode !== null || child.signalCode !== null) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
}

// Signals that reach the guard after the command has gone come from its own clean-up below: ignored.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

child.on('error', (error) => {
  console.error(`process-guard: could not start ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  try {
    // The rest of the group: children the command left behind. The guard ignores it (handler above).
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    // Nothing left, or the guard is not a group leader (started without `detached`).
  }
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
});
