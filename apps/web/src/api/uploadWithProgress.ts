import { ApiError, apiBase, getCsrfToken, toApiError, type Parser } from './client.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

interface UploadOptions<T> {
  method?: 'PUT' | 'POST';
  schema: Parser<T>;
  signal?: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
}

/**
 * Sends a file as the raw request body, like uploadBinary, reporting how much has been sent: fetch cannot tell
 * upload progress, XMLHttpRequest can. Aborting through the signal rejects with an AbortError.
 */
export function uploadWithProgress<T>(path: string, file: Blob, options: UploadOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(options.method ?? 'PUT', `${apiBase}${path}`);
    request.withCredentials = true;
    request.responseType = 'text';
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', file.type);
    const csrf = getCsrfToken();
    if (csrf) request.setRequestHeader('x-csrf-token', csrf);

    const abort = () => request.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);

    request.upload.addEventListener('progress', (event) => {
      options.onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    });
    request.addEventListener('abort', () => {
      done();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    });
    request.addEventListener('error', () => {
      done();
      reject(new ApiError('network_error', 0, 'Network request failed'));
    });
    request.addEventListener('load', () => {
      done();
      const data = parseJson(request);
      if (request.status < 200 || request.status >= 300) return reject(toApiError(request.status, data));
      const parsed = options.schema.safeParse(data);
      if (parsed.success) return resolve(parsed.data);
      console.error(`Unexpected response from ${path}`, parsed.error);
      reject(new ApiError('unexpected_response', request.status, 'Unexpected response'));
    });
    if (options.signal?.aborted) return request.abort();
    request.send(file);
  });
}

function parseJson(request: XMLHttpRequest): unknown {
  if (!request.getResponseHeader('content-type')?.includes('json')) return undefined;
  try {
    return JSON.parse(request.responseText) as unknown;
  } catch {
    return undefined;
  }
}
