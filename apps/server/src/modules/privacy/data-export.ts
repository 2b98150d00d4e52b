import type { Readable } from 'node:stream';
import type { InterviewSnapshot } from '@oneway/shared';
import { ZipFile } from 'yazl';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import * as repo from './your-data.repository.ts';

const parseJson = (value: string | null): unknown => {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const two = (n: number) => String(n).padStart(2, '0');

/** The file a saved take is exported as: the processed MP4/M4A, or the original when processing did not succeed. */
function exportedFileOf(take: Awaited<ReturnType<typeof repo.listSavedTakes>>[number]) {
  if (take.media_status === 'ready' && take.playback_key) {
    return {
      key: take.playback_key,
      extension: take.playback_mime === 'audio/mp4' ? 'm4a' : 'mp4',
      original: false,
    };
  }
  return { key: take.storage_key, extension: take.mime === 'video/mp4' ? 'mp4' : 'webm', original: true };
}

const readme = (language: string, company: string) =>
  language === 'es'
    ? `Estos son todos los datos que ${company} guarda sobre ti en su plataforma de entrevistas.\n\n` +
      'your-data.json: tus datos personales, tus respuestas, tus consentimientos, tus solicitudes y la cronología.\n' +
      'answers/: cada toma guardada (MP4 o M4A; el original cuando no se pudo procesar) y tus respuestas escritas.\n' +
      'consent/: el texto exacto de cada aviso que aceptaste.\n'
    : `This is everything ${company} holds about you in its interview platform.\n\n` +
      'your-data.json: your personal details, your answers, your consents, your requests and the timeline.\n' +
      'answers/: every saved take (MP4 or M4A; the original recording when it could not be processed) and your written answers.\n' +
      'consent/: the exact text of every notice you agreed to.\n';

/**
 * A ZIP of everything held about the candidate, streamed: recordings are read from storage one at a time as the
 * archive reaches them (never held in memory), and stored without compression (they are compressed already).
 */
export async function buildCandidateExport(
  db: Db,
  storage: MediaStorage,
  invitation: InvitationsTable,
): Promise<Readable> {
  const [context, takes, answers, consents, timeline, requests, sessions] = await Promise.all([
    repo.findCompanyAndInterview(db, invitation.id),
    repo.listSavedTakes(db, invitation.id),
    repo.listAnswers(db, invitation.id),
    repo.listConsents(db, invitation.id),
    repo.listTimeline(db, invitation.id),
    repo.listRequests(db, invitation.id),
    repo.listSessions(db, invitation.id),
  ]);
  const snapshot = JSON.parse(context.snapshot) as InterviewSnapshot;
  const positionOf = (questionId: string) => snapshot.questions.findIndex((q) => q.id === questionId) + 1;
  const zip = new ZipFile();
  const mtime = new Date();

  const takeFiles = takes.map((take) => {
    const file = exportedFileOf(take);
    const name = `answers/question-${two(positionOf(take.question_id))}-take-${take.take_number}${file.original ? '-original' : ''}.${file.extension}`;
    zip.addReadStreamLazy(name, { mtime, compress: false }, (callback) => {
      storage.openReadStream(file.key).then(
        (stream) => callback(null, stream),
        (err: unknown) => callback(err, undefined as never),
      );
    });
    return { take, name };
  });

  const answerEntries = snapshot.questions.map((question, index) => {
    const answer = answers.find((a) => a.question_id === question.id);
    const textFile = answer?.kind === 'text' ? `answers/question-${two(index + 1)}.txt` : null;
    if (textFile) zip.addBuffer(Buffer.from(answer?.text ?? '', 'utf8'), textFile, { mtime });
    return {
      position: index + 1,
      question: question.promptText,
      answerType: question.answerType,
      answer: textFile ?? takeFiles.find((f) => f.take.id === answer?.take_id)?.name ?? null,
      savedAt: answer?.saved_at ?? null,
      takes: takeFiles
        .filter((f) => f.take.question_id === question.id)
        .map((f) => ({ file: f.name, takeNumber: f.take.take_number, savedAt: f.take.uploaded_at })),
    };
  });

  const consentFiles = consents.map((consent, index) => {
    const file = `consent/notice-${index + 1}.txt`;
    zip.addBuffer(Buffer.from(consent.notice_text, 'utf8'), file, { mtime });
    return {
      file,
      noticeVersion: consent.notice_version,
      noticeSha256: consent.notice_hash,
      agreedAt: consent.created_at,
      withdrawnAt: consent.withdrawn_at,
      ip: consent.ip,
      userAgent: consent.user_agent,
    };
  });

  const data = {
    company: context.company_name,
    interview: snapshot.title,
    role: snapshot.roleTitle,
    you: {
      name: invitation.candidate_name,
      email: invitation.candidate_email,
      phone: invitation.candidate_phone,
      reference: invitation.external_id,
      timeZone: invitation.candidate_time_zone,
      accommodations: parseJson(invitation.accommodations),
    },
    invitation: {
      status: invitation.status,
      invitedAt: invitation.created_at,
      deadline: invitation.deadline_at,
      openedAt: invitation.opened_at,
      startedAt: invitation.started_at,
      completedAt: invitation.completed_at,
    },
    answers: answerEntries,
    consents: consentFiles,
    requests: requests.map((r) => ({
      kind: r.kind,
      reason: r.reason,
      requested: parseJson(r.requested),
      status: r.status,
      at: r.created_at,
      decidedAt: r.decided_at,
      outcome: parseJson(r.outcome),
    })),
    sessions: sessions.map((s) => ({
      startedAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    timeline: timeline.map((e) => ({ type: e.type, at: e.created_at, details: parseJson(e.details) })),
    exportedAt: mtime.toISOString(),
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'), 'your-data.json', { mtime });
  zip.addBuffer(Buffer.from(readme(snapshot.language, context.company_name), 'utf8'), 'README.txt', {
    mtime,
  });
  zip.end();
  return zip.outputStream as Readable;
}
