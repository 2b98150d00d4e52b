import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { interviewLogoTypes, type Interview, type InterviewLogoType } from '@oneway/shared';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import {
  assertInterviewEditable,
  getInterviewRowOrThrow,
  lockEditableInterviewRow,
} from './interview-access.ts';
import type { InterviewsContext } from './interviews.service.ts';

export interface LogoContext extends InterviewsContext {
  mediaStorage: MediaStorage;
  /** A folder for the upload on its way into media storage. */
  tempDir: string;
}

interface InterviewRef {
  organisationId: string;
  interviewId: string;
}

const extensionOf: Record<InterviewLogoType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

const nameOf: Record<InterviewLogoType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

const startsWith = (bytes: Buffer, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are (by their magic bytes), or null when they are none of the accepted ones. */
export function detectLogoType(bytes: Buffer): InterviewLogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

export const isInterviewLogoType = (value: string): value is InterviewLogoType =>
  (interviewLogoTypes as readonly string[]).includes(value);

/** The Content-Type without parameters, lower-cased. */
export const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Refuses any declared type but PNG, JPEG and WebP, naming the type that was sent. */
export function assertLogoContentType(contentType: string): InterviewLogoType {
  if (isInterviewLogoType(contentType)) return contentType;
  throw new AppError('upload_rejected', {
    message: `A logo must be a PNG, JPEG or WebP image; ${contentType || 'a body without a type'} is not accepted.`,
    details: { contentType },
  });
}

export function createLogoFunctions(
  context: LogoContext,
  getInterview: (ref: InterviewRef) => Promise<Interview>,
) {
  const { repos, clock, audit, mediaStorage, tempDir } = context;

  const recordEvent = (ref: InterviewRef & { userId: string }, action: string) =>
    audit.recordEvent({
      organisationId: ref.organisationId,
      actorUserId: ref.userId,
      action,
      targetType: 'interview',
      targetId: ref.interviewId,
    });

  /** Stores the bytes under a new key and returns it; the caller points the interview at it. */
  async function storeLogo(ref: InterviewRef, type: InterviewLogoType, bytes: Buffer): Promise<string> {
    const random = randomBytes(8).toString('hex');
    const key = `${ref.organisationId}/branding/${ref.interviewId}-${random}.${extensionOf[type]}`;
    await fs.mkdir(tempDir, { recursive: true });
    const file = path.join(tempDir, `logo-${random}`);
    try {
      await fs.writeFile(file, bytes);
      await mediaStorage.putFile(key, file, { contentType: type });
    } finally {
      await fs.rm(file, { force: true });
    }
    return key;
  }

  /** Points the interview at `key` (or at no logo) and returns the key it had, to be deleted by the caller. */
  async function replaceLogoKey(
    ref: InterviewRef,
    logo: { key: string; mime: InterviewLogoType } | null,
  ): Promise<string | null> {
    return repos.transaction(async (trx) => {
      const now = isoNow(clock);
      const row = await lockEditableInterviewRow(trx, { ...ref, now });
      await trx.interviews.updateInterview(row.id, {
        logo_key: logo?.key ?? null,
        logo_mime: logo?.mime ?? null,
        logo_updated_at: logo ? now : null,
        updated_at: now,
      });
      return row.logo_key;
    });
  }

  return {
    /**
     * Sets the interview's logo from an uploaded PNG, JPEG or WebP whose bytes match its declared type; the logo
     * it replaces is deleted.
     */
    async setInterviewLogo(
      options: InterviewRef & { userId: string; contentType: string; bytes: Buffer },
    ): Promise<Interview> {
      const declared = assertLogoContentType(options.contentType);
      // Archived or foreign interviews are refused before anything is stored.
      assertInterviewEditable(await getInterviewRowOrThrow(repos, options));
      const actual = detectLogoType(options.bytes);
      if (actual !== declared) {
        throw new AppError('upload_rejected', {
          message: `The file is not a ${nameOf[declared]} image: its first bytes are not those of a ${nameOf[declared]} file.`,
          details: { contentType: declared },
        });
      }
      const key = await storeLogo(options, actual, options.bytes);
      let oldKey: string | null;
      try {
        oldKey = await replaceLogoKey(options, { key, mime: actual });
      } catch (err) {
        await mediaStorage.delete(key);
        throw err;
      }
      if (oldKey !== null) await mediaStorage.delete(oldKey);
      await recordEvent(options, 'interview.logo_changed');
      return getInterview(options);
    },

    /** Removes the interview's logo; removing when there is none is not an error. */
    async removeInterviewLogo(options: InterviewRef & { userId: string }): Promise<void> {
      const oldKey = await replaceLogoKey(options, null);
      if (oldKey !== null) {
        await mediaStorage.delete(oldKey);
        await recordEvent(options, 'interview.logo_removed');
      }
    },

    /** The logo's bytes and type; not found when the interview has none. */
    async openInterviewLogo(ref: InterviewRef): Promise<{ stream: Readable; contentType: string }> {
      const row = await getInterviewRowOrThrow(repos, ref);
      if (row.logo_key === null) throw notFound('Logo');
      try {
        const stream = await mediaStorage.openReadStream(row.logo_key);
        return { stream, contentType: row.logo_mime ?? 'application/octet-stream' };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('Logo');
        throw err;
      }
    },
  };
}
