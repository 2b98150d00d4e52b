import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField.tsx';
import type { useAnswerStream } from './useAnswerStream.ts';

interface DevicePickerProps {
  kind: 'video' | 'audio';
  media: Pick<
    ReturnType<typeof useAnswerStream>,
    'stream' | 'cameras' | 'microphones' | 'isFallback' | 'choose'
  >;
}

/**
 * The camera and microphone for this question, before recording (never during: changing them would end the take).
 * Shown where there is a choice to make, or when the device chosen earlier is gone.
 */
export function DevicePicker({ kind, media }: DevicePickerProps) {
  const { t } = useTranslation('candidate');
  const inUse = (tracks: MediaStreamTrack[] | undefined) => tracks?.[0]?.getSettings().deviceId ?? '';
  const cameraId = inUse(media.stream?.getVideoTracks());
  const microphoneId = inUse(media.stream?.getAudioTracks());
  const showCameras = kind === 'video' && media.cameras.length > 1;
  const showMicrophones = media.microphones.length > 1;
  if (!showCameras && !showMicrophones && !media.isFallback) return null;
  return (
    <div className="interview-devices">
      <h3>{t('interview.devices.heading')}</h3>
      <div role="status">
        {media.isFallback ? <p className="alert alert--info">{t('interview.devices.choiceGone')}</p> : null}
      </div>
      {showCameras ? (
        <SelectField
          id="question-camera-select"
          label={t('deviceCheck.camera')}
          options={media.cameras.map((d) => ({ value: d.deviceId, label: d.label }))}
          value={cameraId}
          disabled={media.stream === null}
          onChange={(e) => void media.choose('camera', e.target.value)}
        />
      ) : null}
      {showMicrophones ? (
        <SelectField
          id="question-microphone-select"
          label={t('deviceCheck.microphone')}
          options={media.microphones.map((d) => ({ value: d.deviceId, label: d.label }))}
          value={microphoneId}
          disabled={media.stream === null}
          onChange={(e) => void media.choose('microphone', e.target.value)}
        />
      ) : null}
    </div>
  );
}
