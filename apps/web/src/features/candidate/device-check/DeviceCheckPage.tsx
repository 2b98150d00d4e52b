import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { useCandidateLanding } from '../useCandidate.ts';
import { checkBrowserSupport } from './browserSupport.ts';
import { MediaProblemAlert } from './MediaProblemAlert.tsx';
import { UploadSpeedCheck } from './UploadSpeedCheck.tsx';
import { useMediaStream } from './useMediaStream.ts';
import { useMicrophoneLevel, useSoundHeard } from './useMicrophoneLevel.ts';
import './device-check.css';

/** Camera preview, microphone meter, device pickers, browser support and upload speed, before any question. */
export function CandidateDeviceCheckPage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('deviceCheck.title'));
  // The layout takes the interview's language, company and colour from the landing page, also after a reload here.
  useCandidateLanding();
  const support = useMemo(checkBrowserSupport, []);
  return (
    <div className="candidate-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('deviceCheck.title')}
      </h1>
      <p className="lead">{t('deviceCheck.advice')}</p>
      {support.isSupported ? (
        <DeviceCheck />
      ) : (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>{t('deviceCheck.problems.unsupported.title')}</strong>
          </p>
          <p>{t('deviceCheck.problems.unsupported.advice')}</p>
        </div>
      )}
    </div>
  );
}

function DeviceCheck() {
  const { t } = useTranslation('candidate');
  const navigate = useNavigate();
  const media = useMediaStream();
  const level = useMicrophoneLevel(media.stream);
  // A microphone that runs but hears nothing (muted, the wrong input) must not pass for a working one.
  const isHeard = useSoundHeard(media.stream);
  const [status, setStatus] = useState<string | null>(null);
  const [speedStatus, setSpeedStatus] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onSpeedStatus = useCallback((message: string) => setSpeedStatus(message), []);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = media.stream;
    if (media.stream) void video.play().catch(() => undefined);
  }, [media.stream]);

  const isRunning =
    media.stream !== null &&
    media.stream.getVideoTracks().some((track) => track.readyState === 'live') &&
    media.stream.getAudioTracks().some((track) => track.readyState === 'live');

  useEffect(() => {
    if (isRunning && isHeard) setStatus(t('deviceCheck.working'));
    else if (isRunning) setStatus(t('deviceCheck.hearing.saySomething'));
    else if (media.isStarting) setStatus(t('deviceCheck.starting'));
    else setStatus(null);
  }, [isRunning, isHeard, media.isStarting, t]);

  return (
    <>
      <StatusMessage message={[status, speedStatus].filter(Boolean).join(' ') || null} />
      {media.problem ? (
        <MediaProblemAlert problem={media.problem} onRetry={() => void media.retry()} />
      ) : null}
      {media.isFallback ? <p className="alert alert--info">{t('interview.devices.choiceGone')}</p> : null}
      <section className="candidate-section" aria-labelledby="camera-heading">
        <h2 id="camera-heading">{t('deviceCheck.cameraHeading')}</h2>
        <video
          ref={videoRef}
          className="device-check__preview"
          autoPlay
          muted
          playsInline
          aria-label={t('deviceCheck.previewLabel')}
        />
        {media.cameras.length > 0 ? (
          <SelectField
            id="camera-select"
            label={t('deviceCheck.camera')}
            options={media.cameras.map((d) => ({ value: d.deviceId, label: d.label }))}
            value={media.cameraId ?? ''}
            onChange={(e) => void media.chooseCamera(e.target.value)}
          />
        ) : null}
      </section>
      <section className="candidate-section" aria-labelledby="microphone-heading">
        <h2 id="microphone-heading">{t('deviceCheck.microphoneHeading')}</h2>
        <p>{t('deviceCheck.microphoneHint')}</p>
        <meter
          className="device-check__meter"
          min={0}
          max={100}
          low={10}
          value={level}
          aria-label={t('deviceCheck.microphoneLevel')}
        />
        {isRunning ? (
          <p
            className={isHeard ? 'device-check__heard' : 'alert alert--warning'}
            data-testid="microphone-result"
          >
            {isHeard ? t('deviceCheck.hearing.heard') : t('deviceCheck.hearing.notHeard')}
          </p>
        ) : null}
        {media.microphones.length > 0 ? (
          <SelectField
            id="microphone-select"
            label={t('deviceCheck.microphone')}
            options={media.microphones.map((d) => ({ value: d.deviceId, label: d.label }))}
            value={media.microphoneId ?? ''}
            onChange={(e) => void media.chooseMicrophone(e.target.value)}
          />
        ) : null}
      </section>
      <UploadSpeedCheck onStatus={onSpeedStatus} />
      <p className="candidate-continue">
        {/* The practice page leads straight on to the questions when the interview has no practice question. */}
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!isRunning}
          onClick={() => void navigate('/interview/practice')}
        >
          {isRunning && !isHeard ? t('deviceCheck.hearing.continueAnyway') : t('deviceCheck.continue')}
        </button>
      </p>
      {isRunning ? null : <p>{t('deviceCheck.continueHint')}</p>}
      {isRunning && !isHeard ? <p>{t('deviceCheck.hearing.continueAnywayHint')}</p> : null}
    </>
  );
}
