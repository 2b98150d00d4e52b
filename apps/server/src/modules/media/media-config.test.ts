import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

describe('media settings', () => {
  it('finds ffmpeg and ffprobe on PATH and keeps answers up to 30 minutes by default', () => {
    expect(loadConfig({})).toMatchObject({
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      mediaMaxSeconds: 1800,
    });
  });

  it('takes other binaries and another cap', () => {
    const config = loadConfig({
      FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg',
      FFPROBE_PATH: '/opt/ffmpeg/bin/ffprobe',
      MEDIA_MAX_SECONDS: '600',
    });
    expect(config).toMatchObject({
      ffmpegPath: '/opt/ffmpeg/bin/ffmpeg',
      ffprobePath: '/opt/ffmpeg/bin/ffprobe',
      mediaMaxSeconds: 600,
    });
  });

  it('refuses a cap that is not a positive whole number of seconds', () => {
    for (const value of ['0', '-5', '12.5', 'an hour']) {
      expect(() => loadConfig({ MEDIA_MAX_SECONDS: value }), value).toThrow(ConfigError);
    }
  });
});
