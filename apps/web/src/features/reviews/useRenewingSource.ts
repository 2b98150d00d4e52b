import { useEffect, useRef, useState, type RefObject } from 'react';

/** Where the player was when its address changed, to go on from there. */
interface Resume {
  time: number;
  playing: boolean;
}

/**
 * The address a media element plays, moved to a renewed one without losing the place: at once while it is paused
 * or has failed, otherwise at the next pause or error (an address that expires mid-play makes the element fail,
 * and the new one takes over from the same second). A failed element also asks for a new address.
 */
export function useRenewingSource(
  mediaRef: RefObject<HTMLMediaElement | null>,
  url: string,
  requestNew: () => void,
) {
  const [src, setSrc] = useState(url);
  const resume = useRef<Resume | null>(null);
  const lastAsked = useRef(0);

  const switchTo = (next: string) => {
    const media = mediaRef.current;
    if (media && media.readyState > 0) resume.current = { time: media.currentTime, playing: !media.paused };
    setSrc(next);
  };

  useEffect(() => {
    if (url === src) return;
    const media = mediaRef.current;
    if (!media || media.paused || media.error) switchTo(url);
    // Playing: the element keeps what it has fetched; the switch waits for a pause or an error.
  }, [url]); // Only a new address starts a switch; src and the element are read as they are then.

  return {
    src,
    onLoadedMetadata: () => {
      const media = mediaRef.current;
      const at = resume.current;
      resume.current = null;
      if (!media || !at) return;
      media.currentTime = at.time;
      if (at.playing) void media.play().catch(() => undefined);
    },
    onPause: () => {
      if (url !== src) switchTo(url);
    },
    onError: () => {
      if (url !== src) {
        switchTo(url);
        return;
      }
      // The address may have expired: ask for a new one, not more than once every 10 s.
      if (Date.now() - lastAsked.current < 10_000) return;
      lastAsked.current = Date.now();
      requestNew();
    },
  };
}
