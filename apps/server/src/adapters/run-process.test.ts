import { describe, expect, it } from 'vitest';
import { ProcessError, runProcess } from './run-process.ts';

const run = (file: string, args: string[], timeoutMs = 10_000) =>
  runProcess(file, args, {
    label: 'ffmpeg (test)',
    configVariable: 'FFMPEG_PATH',
    timeoutMs,
    redactions: { '/srv/media/org/take.bin': 'take.bin' },
  });

describe('runProcess', () => {
  it('resolves with what the program wrote', async () => {
    await expect(run('node', ['-e', 'process.stdout.write("{}")'])).resolves.toBe('{}');
  });

  it('names the binary and the variable that chooses it when it does not exist', async () => {
    const error = await run('/nonexistent/ffmpeg', []).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ProcessError);
    expect(error).toMatchObject({
      reason: 'not_runnable',
      message: 'ffmpeg (test): "/nonexistent/ffmpeg" was not found (set FFMPEG_PATH)',
    });
  });

  it('gives the exit code and the end of stderr, without memory addresses or server paths', async () => {
    const script =
      'console.error("noise ".repeat(1000)); console.error("[matroska @ 0x55d0c0ffee00] /srv/media/org/take.bin: Invalid data"); process.exit(3)';
    const error = await run('node', ['-e', script]).catch((err: unknown) => err);
    expect(error).toMatchObject({ reason: 'failed' });
    const message = (error as Error).message;
    expect(message).toMatch(/^ffmpeg \(test\) exited with code 3: /);
    expect(message).toContain('[matroska] take.bin: Invalid data');
    expect(message).not.toContain('/srv/media');
    expect(message.length).toBeLessThan(2200);
  });

  it('stops a program that runs past its time', async () => {
    const started = Date.now();
    const error = await run('node', ['-e', 'setTimeout(() => {}, 60000)'], 300).catch((err: unknown) => err);
    expect(error).toMatchObject({ reason: 'timed_out', message: 'ffmpeg (test) took longer than 0.3 s' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
