import type { Metrics } from '../../lib/metrics.ts';
import type { Services } from '../../services.ts';
import type { JobDefinition } from '../queue.ts';

/** Counts a definition's failed tries per job kind, whichever queue driver runs it. */
export function countFailures(definition: JobDefinition, metrics: Metrics): JobDefinition {
  return {
    ...definition,
    async handler(payload, context) {
      try {
        await definition.handler(payload, context);
      } catch (err) {
        metrics.jobFailures.inc({ job: definition.name, final: String(context.isLastAttempt) });
        throw err;
      }
    },
  };
}

/** The mail service, counting what email.send sent, and what failed for good, by transport. */
export function countMail(
  mail: Services['mail'],
  metrics: Metrics,
  transport: 'smtp' | 'outbox',
): Services['mail'] {
  return {
    ...mail,
    async sendQueuedEmail(options) {
      try {
        const sent = await mail.sendQueuedEmail(options);
        if (sent) metrics.mail.inc({ transport: sent.transport, outcome: 'sent' });
        return sent;
      } catch (err) {
        if (options.isLastAttempt) metrics.mail.inc({ transport, outcome: 'failed' });
        throw err;
      }
    },
  };
}

/** The media service, timing each processed take against the length of the answer it made. */
export function timeProcessing(media: Services['media'], metrics: Metrics): Services['media'] {
  return {
    ...media,
    async processTake(options) {
      const startedAt = performance.now();
      const processed = await media.processTake(options);
      if (processed && processed.durationMs > 0) {
        const seconds = (performance.now() - startedAt) / 1000;
        metrics.processingSecondsPerAnswerSecond.observe(seconds / (processed.durationMs / 1000));
      }
      return processed;
    },
  };
}
