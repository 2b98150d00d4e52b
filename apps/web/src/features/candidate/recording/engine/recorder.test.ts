import { describe, expect, it } from 'vitest';
import { pickRecordingFormat } from './recorder.ts';

const supports =
  (...types: string[]) =>
  (type: string) =>
    types.includes(type);

describe('pickRecordingFormat', () => {
  it('prefers WebM VP9 + Opus for video', () => {
    const format = pickRecordingFormat(
      'video',
      supports('video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/mp4'),
    );
    expect(format).toEqual({
      mimeType: 'video/webm;codecs=vp9,opus',
      options: { mimeType: 'video/webm;codecs=vp9,opus' },
    });
  });

  it('records MP4 with a 1 s key frame interval where WebM is missing (Safari), so chunks stay 1 s long', () => {
    const format = pickRecordingFormat('video', supports('video/mp4'));
    expect(format.options).toEqual({ mimeType: 'video/mp4', videoKeyFrameIntervalDuration: 1_000 });
  });

  it('records audio answers as WebM Opus, else MP4 audio', () => {
    expect(pickRecordingFormat('audio', supports('audio/webm;codecs=opus')).mimeType).toBe(
      'audio/webm;codecs=opus',
    );
    expect(pickRecordingFormat('audio', supports('audio/mp4')).options).toEqual({ mimeType: 'audio/mp4' });
  });

  it('lets the browser choose when it names none of ours', () => {
    expect(pickRecordingFormat('video', () => false)).toEqual({ mimeType: '', options: {} });
  });
});
