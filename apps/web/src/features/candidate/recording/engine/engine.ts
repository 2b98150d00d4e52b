import { practiceQuestionId } from '@oneway/shared';
import type { TakeReport } from './activeTakes.ts';
import { browserPorts } from './browserPorts.ts';
import { runTake, type TakeHandle } from './driver.ts';
import { startLive, startPractice } from './machine/start.ts';
import type { EnginePorts } from './ports.ts';
import { RecordingBuffer } from './recordingBuffer.ts';
import { discardRecoveredTake, listRecoverableTakes, resumeRecoveredTake } from './recovery.ts';
import type { RecoverableTake, StartTakeOptions } from './types.ts';

/** The recording engine over its ports: what the hook and the pages call. */
export interface Engine {
  startTake(options: StartTakeOptions, report: (patch: TakeReport) => void): TakeHandle;
  resumeTake(takeId: string, report: (patch: TakeReport) => void): Promise<TakeHandle>;
  listRecoverableTakes(): Promise<RecoverableTake[]>;
  discardRecoveredTake(takeId: string): Promise<void>;
  /** Another tab of this browser records or finishes a take right now (so start() here would be refused). */
  isRecordingElsewhere(): Promise<boolean>;
  revokeObjectUrl(url: string): void;
}

export function createEngine(ports: EnginePorts): Engine {
  return {
    startTake(options, report) {
      const common = {
        questionId: options.questionId,
        kind: options.kind,
        online: ports.isOnline(),
        seed: ports.seed(),
      };
      // Practice never leaves the browser: no take on the server, nothing in IndexedDB, nothing uploaded.
      const isPractice = options.questionId === practiceQuestionId;
      if (!isPractice) ports.clearMarks();
      const start = isPractice
        ? startPractice(common)
        : startLive({
            ...common,
            ...(options.reason ? { reason: options.reason } : {}),
            ...(options.takeOver ? { takeOver: true } : {}),
          });
      const source = {
        stream: options.stream,
        buffer: new RecordingBuffer(),
        hash: isPractice ? null : ports.createHash(),
      };
      return runTake(start, ports, source, report);
    },
    resumeTake: (takeId, report) => resumeRecoveredTake(ports, takeId, report),
    listRecoverableTakes: () => listRecoverableTakes(ports),
    discardRecoveredTake: (takeId) => discardRecoveredTake(ports, takeId),
    isRecordingElsewhere: () => ports.locks.isRecordingElsewhere(),
    revokeObjectUrl: (url) => ports.revokeObjectUrl(url),
  };
}

let browser: Engine | null = null;

/** The page's one engine (one registry of this tab's takes, one set of locks). */
export function browserEngine(): Engine {
  browser ??= createEngine(browserPorts());
  return browser;
}
