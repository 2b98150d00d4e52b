import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

const s3Env = {
  STORAGE: 's3',
  S3_BUCKET: 'oneway-media',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('loadConfig: media storage', () => {
  it('keeps media in DATA_DIR/media unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.storage).toBe('local');
    expect(config.s3).toBeNull();
  });

  it('reads the bucket with STORAGE=s3, path-style by default when an endpoint is named', () => {
    expect(loadConfig({ ...s3Env, S3_ENDPOINT: 'http://127.0.0.1:9000' }).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'oneway-media',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    const aws = loadConfig({ ...s3Env, S3_REGION: 'eu-west-1' }).s3;
    expect(aws).toMatchObject({ endpoint: undefined, region: 'eu-west-1', forcePathStyle: false });
    expect(loadConfig({ ...s3Env, S3_FORCE_PATH_STYLE: 'true' }).s3?.forcePathStyle).toBe(true);
  });

  it('names each missing S3 variable with STORAGE=s3, together with every other bad variable', () => {
    const problems = problemsOf({ STORAGE: 's3', S3_ACCESS_KEY_ID: 'x', PORT: 'eighty' });
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.stringMatching(/^S3_BUCKET: Required when STORAGE=s3/));
    expect(problems).toContainEqual(expect.stringMatching(/^S3_SECRET_ACCESS_KEY: Required when STORAGE=s3/));
    expect(problems).toContainEqual(expect.stringMatching(/^PORT:/));
  });

  it('refuses a bad storage, endpoint, bucket name or path-style flag', () => {
    const problems = problemsOf({
      ...s3Env,
      STORAGE: 'ftp',
      S3_ENDPOINT: 'minio:9000',
      S3_BUCKET: 'My_Bucket',
      S3_FORCE_PATH_STYLE: 'maybe',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_FORCE_PATH_STYLE',
      'STORAGE',
    ]);
  });

  it('refuses uploads over 5 GiB with STORAGE=s3, where a finished upload is copied in one request', () => {
    expect(problemsOf({ ...s3Env, MEDIA_MAX_BYTES: String(6 * 1024 ** 3) })).toEqual([
      expect.stringMatching(/^MEDIA_MAX_BYTES: At most 5 GiB with STORAGE=s3/),
    ]);
    expect(problemsOf({ MEDIA_MAX_BYTES: String(6 * 1024 ** 3) })).toEqual([]);
  });

  it('ignores the S3 variables with local storage', () => {
    expect(loadConfig({ S3_ACCESS_KEY_ID: 'x' }).s3).toBeNull();
  });
});
