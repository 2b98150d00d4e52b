/** A worker thread of the playback load: its share of the clients, started when the main thread says. */
import { parentPort, workerData } from 'node:worker_threads';
import { readLoad, type LoadFigures, type LoadOptions } from './load.ts';

export type LoadWorkerMessage = { type: 'ready' } | { type: 'result'; figures: LoadFigures };

const options = workerData as LoadOptions;
const post = (message: LoadWorkerMessage) => parentPort?.postMessage(message);

parentPort?.once('message', (start: { startAt: number }) => {
  const wait = Math.max(0, start.startAt - (performance.timeOrigin + performance.now()));
  setTimeout(() => {
    void readLoad(options).then((figures) => post({ type: 'result', figures }));
  }, wait);
});
post({ type: 'ready' });
