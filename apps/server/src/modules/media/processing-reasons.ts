// Turns what a failed or stuck try left behind into words an admin can act on. The stored error (ffmpeg's or the
// storage's own words, already without server paths) is kept as the detail for whoever runs the server.

export interface ProcessingReason {
  reason: string;
  detail: string | null;
}

const retryHint = 'The original recording is kept; retry once this is fixed.';

const rules: { test: RegExp; reason: string }[] = [
  {
    test: /^Processing stopped without finishing/,
    reason:
      'Processing kept stopping without finishing (the server may keep restarting, or no worker process is ' +
      `running). Check the server. ${retryHint}`,
  },
  {
    test: /was not found \(set FFMPEG_PATH|was not found \(set FFPROBE_PATH|could not be run/,
    reason: `The server cannot run ffmpeg (check FFMPEG_PATH and FFPROBE_PATH). ${retryHint}`,
  },
  {
    test: /original recording is missing from storage/,
    reason: `The original recording is missing from media storage (check the storage volume or bucket). ${retryHint}`,
  },
  {
    test: /ENOSPC|No space left on device/i,
    reason: `The server ran out of disk space while processing. Free space on the data volume. ${retryHint}`,
  },
  {
    test: /took longer than/,
    reason: `ffmpeg took too long (the server may be overloaded). ${retryHint}`,
  },
  {
    // ffmpeg's own words for input it cannot parse; a broken ffmpeg fails the remux too, but says none of these.
    test: /^ffmpeg \(remux\) exited.*(EBML|Invalid data|moov atom|End of file|Error opening input)|neither video nor sound|no playable file/i,
    reason:
      'ffmpeg could not read the uploaded recording (it may be damaged). The original is kept: retry once, ' +
      'and if it fails again, send the detail below to whoever runs the server.',
  },
  {
    test: /^ffmpeg \(/,
    reason: `ffmpeg failed while converting the recording (check the server's ffmpeg). ${retryHint}`,
  },
];

/** Why a take's processing failed, from the error its last try stored. */
export function explainFailure(error: string | null): ProcessingReason {
  if (error === null)
    return { reason: `Processing failed for an unknown reason. ${retryHint}`, detail: null };
  const rule = rules.find((r) => r.test.test(error));
  return { reason: rule?.reason ?? `Processing failed. ${retryHint}`, detail: error };
}

/** Why a take that is still queued or processing needs attention. */
export function explainStuck(options: {
  status: 'queued' | 'processing';
  minutes: number;
  error: string | null;
}): ProcessingReason {
  const since = `${options.minutes} minutes`;
  const reason =
    options.status === 'processing'
      ? `Processing started ${since} ago and its worker stopped reporting on it; the server may have restarted during it. Retry it.`
      : `Processing has waited ${since} without finishing. Check that a worker process is running, then retry.`;
  return { reason, detail: options.error };
}
