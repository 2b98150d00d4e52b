import { TakeRegistry } from './activeTakes.ts';
import * as chunkStore from './chunkStore.ts';
import { Sha256, sha256HexOfBlob } from './hash.ts';
import type { EnginePorts } from './ports.ts';
import { createTakeRecording } from './recorder.ts';
import { recordSavedTake } from './savedTakesLog.ts';
import { browserTabLocks } from './tabLocks.ts';
import { takeApi } from './takeApi.ts';
import { clearTakeMarks, markTake } from './takeMarks.ts';
import { tusPort, xhrSend } from './tusAttempt.ts';

/** The engine's ports in the browser: MediaRecorder, IndexedDB, tus, the API, Web Locks, performance.now(). */
export function browserPorts(): EnginePorts {
  return {
    recorder: { create: createTakeRecording },
    store: chunkStore,
    tus: tusPort(xhrSend),
    api: takeApi,
    locks: browserTabLocks(),
    registry: new TakeRegistry(),
    now: () => performance.now(),
    wallTime: () => new Date().toISOString(),
    timers: {
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
      setInterval: (callback, ms) => window.setInterval(callback, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    },
    isOnline: () => navigator.onLine,
    watchNetwork(onOnline, onOffline) {
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      return () => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      };
    },
    createHash: () => new Sha256(),
    hashBlob: sha256HexOfBlob,
    persistStorage: () => navigator.storage?.persist?.() ?? Promise.resolve(false),
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    recordSavedTake,
    mark: markTake,
    clearMarks: clearTakeMarks,
    seed: () => Math.floor(Math.random() * 0x1_0000_0000),
  };
}
