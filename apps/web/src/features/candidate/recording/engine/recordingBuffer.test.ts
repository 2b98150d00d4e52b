import { describe, expect, it } from 'vitest';
import { RecordingBuffer, SourceDetachedError, SourceOverrunError } from './recordingBuffer.ts';

const bytes = (...values: number[]) => new Blob([new Uint8Array(values)]);
const read = async (blob: Blob | null) => (blob ? [...new Uint8Array(await blob.arrayBuffer())] : null);

describe('RecordingBuffer', () => {
  it('serves any byte range across chunk boundaries', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(0, 1, 2));
    buffer.append(bytes(3, 4));
    buffer.append(bytes(5, 6, 7, 8));
    expect(await read(buffer.bytesBetween(0, 9))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await read(buffer.bytesBetween(2, 6))).toEqual([2, 3, 4, 5]);
    expect(await read(buffer.bytesBetween(3, 5))).toEqual([3, 4]);
    expect(await read(buffer.bytesBetween(7, 100))).toEqual([7, 8]);
  });

  it('hands out what exists now instead of waiting for a whole chunkSize', async () => {
    const buffer = new RecordingBuffer();
    const source = buffer.createSource();
    buffer.append(bytes(1, 2, 3));
    const slice = await source.slice(0, 1_000);
    expect(await read(slice.value)).toEqual([1, 2, 3]);
    expect(slice.done).toBe(false);
  });

  it('waits for the next chunk when the server has everything so far', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(1, 2));
    const pending = buffer.createSource().slice(2, 1_000);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    buffer.append(bytes(3));
    expect(await read((await pending).value)).toEqual([3]);
  });

  it('marks the last bytes done once the recording ended, so that PATCH declares the length', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(1, 2, 3));
    const source = buffer.createSource();
    const pending = source.slice(3, 1_000);
    buffer.append(bytes(4));
    buffer.end();
    const last = await pending;
    expect(await read(last.value)).toEqual([4]);
    // The chunk and the end arrived together: one PATCH carries both.
    expect(last.done).toBe(true);
    expect(await source.slice(4, 1_000)).toEqual({ value: null, done: true });
  });

  it('once stopping, holds the last chunk back until the end so it leaves together with the length', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(1, 2));
    const source = buffer.createSource();
    await source.slice(0, 1_000);
    const last = source.slice(2, 1_000);
    buffer.holdUntilEnd();
    buffer.append(bytes(3));
    let settled = false;
    void last.then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    buffer.end();
    const slice = await last;
    expect(await read(slice.value)).toEqual([3]);
    expect(slice.done).toBe(true);
  });

  it('goes back to an offset it already served (the server kept less than was sent)', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(0, 1, 2, 3, 4, 5));
    const source = buffer.createSource();
    await source.slice(0, 6);
    expect(await read((await source.slice(2, 4)).value)).toEqual([2, 3]);
  });

  it('rejects a slice past the end of a finished recording', async () => {
    const buffer = RecordingBuffer.fromBlob(bytes(1, 2));
    await expect(buffer.createSource().slice(5, 10)).rejects.toBeInstanceOf(SourceOverrunError);
  });

  it('lets a detached view send nothing more, even a read that was waiting', async () => {
    const buffer = new RecordingBuffer();
    const source = buffer.createSource();
    const waiting = source.slice(0, 10);
    source.detach();
    await expect(waiting).rejects.toBeInstanceOf(SourceDetachedError);
    buffer.append(bytes(1));
    await expect(source.slice(0, 10)).rejects.toBeInstanceOf(SourceDetachedError);
    expect(await read((await buffer.createSource().slice(0, 10)).value)).toEqual([1]);
  });

  it('joins every chunk into one Blob of the recorded type', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(bytes(1));
    buffer.append(new Blob([]));
    buffer.append(bytes(2, 3));
    const blob = buffer.toBlob('video/webm');
    expect(blob.type).toBe('video/webm');
    expect(await read(blob)).toEqual([1, 2, 3]);
  });
});
