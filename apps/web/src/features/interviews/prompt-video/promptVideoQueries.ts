import { promptVideoPlaybackSchema, promptVideoSchema, type PromptVideo } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { requestApi, uploadBinary } from '../../../api/client.ts';
import { uploadWithProgress, type UploadProgress } from '../../../api/uploadWithProgress.ts';
import { interviewPath, interviewsQueryKey } from '../interviewQueries.ts';

/** Whose video it is: the interview's intro, or one question's video prompt. */
export interface PromptVideoTarget {
  interviewId: string;
  /** Leave out for the interview's intro video. */
  questionId?: string | undefined;
}

const targetPath = ({ interviewId, questionId }: PromptVideoTarget) =>
  questionId
    ? `${interviewPath(interviewId)}/questions/${encodeURIComponent(questionId)}/prompt-video`
    : `${interviewPath(interviewId)}/intro-video`;
const videoPath = (videoId: string) => `/prompt-videos/${encodeURIComponent(videoId)}`;
const videoQueryKey = (videoId: string) => ['prompt-videos', videoId] as const;

const pollMs = 2_000;

/**
 * The video as it is now: asked again every 2 s while it is processing. When processing ends the interview is
 * refreshed, so its copy (and the question list's) shows the outcome too.
 */
export function useCurrentPromptVideo(video: PromptVideo | null): PromptVideo | null {
  const queryClient = useQueryClient();
  const id = video?.id ?? '';
  const polled = useQuery({
    queryKey: videoQueryKey(id),
    queryFn: ({ signal }) => requestApi(videoPath(id), { schema: promptVideoSchema, signal }),
    enabled: video?.status === 'processing',
    refetchInterval: (query) =>
      query.state.data?.status === 'ready' || query.state.data?.status === 'failed' ? false : pollMs,
    refetchOnWindowFocus: false,
  });
  // The interview's copy wins once it has caught up (captions change it later without a poll).
  const current = video?.status === 'processing' && polled.data?.id === video.id ? polled.data : video;
  const hasSettled = video?.status === 'processing' && current?.status !== 'processing';
  useEffect(() => {
    if (hasSettled) void queryClient.invalidateQueries({ queryKey: interviewsQueryKey });
  }, [hasSettled, queryClient]);
  return current;
}

/** Signed addresses to preview a ready video; asked again when its captions change. */
export function usePromptVideoPlayback(video: PromptVideo | null) {
  const id = video?.status === 'ready' ? video.id : null;
  return useQuery({
    queryKey: [...videoQueryKey(id ?? ''), 'playback', video?.hasCaptions ?? false],
    queryFn: () =>
      requestApi(`${videoPath(id ?? '')}/playback`, { method: 'POST', schema: promptVideoPlaybackSchema }),
    enabled: id !== null,
    // The addresses last hours; ask again well before, never while the preview plays.
    staleTime: 30 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Puts the new video's state in the cache and refreshes the interview, which now points at it. */
function useStoreVideo() {
  const queryClient = useQueryClient();
  return async (video: PromptVideo | void) => {
    if (video) queryClient.setQueryData(videoQueryKey(video.id), video);
    await queryClient.invalidateQueries({ queryKey: interviewsQueryKey });
  };
}

export interface VideoUpload {
  file: Blob;
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
}

/** Uploads a video file or a recording (replacing any earlier one); processing starts on the server. */
export function useUploadPromptVideo(target: PromptVideoTarget) {
  const storeVideo = useStoreVideo();
  return useMutation({
    mutationFn: ({ file, signal, onProgress }: VideoUpload) =>
      uploadWithProgress(targetPath(target), file, { schema: promptVideoSchema, signal, onProgress }),
    onSuccess: storeVideo,
  });
}

export function useRemovePromptVideo(target: PromptVideoTarget) {
  const storeVideo = useStoreVideo();
  return useMutation({
    mutationFn: () => requestApi(targetPath(target), { method: 'DELETE' }),
    onSuccess: () => storeVideo(),
  });
}

/** Processes a failed video again. */
export function useRetryPromptVideo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (videoId: string) =>
      requestApi(`${videoPath(videoId)}/retry`, { method: 'POST', schema: promptVideoSchema }),
    onSuccess: async (video) => {
      queryClient.setQueryData(videoQueryKey(video.id), video);
      await queryClient.invalidateQueries({ queryKey: interviewsQueryKey });
    },
  });
}

/** Adds or replaces (a WebVTT file) or, given null, removes the captions of the target's video. */
export function usePromptVideoCaptions(target: PromptVideoTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File | null): Promise<void> => {
      const path = `${targetPath(target)}/captions`;
      // Browsers often give .vtt files no type, or text/plain; the server wants text/vtt.
      if (file)
        await uploadBinary(path, new Blob([file], { type: 'text/vtt' }), { schema: promptVideoSchema });
      else await requestApi(path, { method: 'DELETE' });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['prompt-videos'] });
      await queryClient.invalidateQueries({ queryKey: interviewsQueryKey });
    },
  });
}
