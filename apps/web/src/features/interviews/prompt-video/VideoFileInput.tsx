import { useId, useState, type ChangeEvent } from 'react';
import { checkVideoFile, videoFileAccept } from './checkVideoFile.ts';

interface VideoFileInputProps {
  label: string;
  disabled: boolean;
  onChosen: (file: File) => void;
  onProblem: (message: string | null) => void;
}

/** A file input styled as a button; the file is checked (type, size, length) before it is sent. */
export function VideoFileInput({ label, disabled, onChosen, onProblem }: VideoFileInputProps) {
  const id = useId();
  const [isChecking, setIsChecking] = useState(false);

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setIsChecking(true);
    const problem = await checkVideoFile(file);
    setIsChecking(false);
    input.value = '';
    onProblem(problem);
    if (!problem) onChosen(file);
  }

  return (
    <span className="file-button">
      <input
        id={id}
        className="file-button__input"
        type="file"
        accept={videoFileAccept}
        disabled={disabled || isChecking}
        aria-describedby={`${id}-formats`}
        onChange={(event) => void handleChange(event)}
      />
      <label htmlFor={id} className="button">
        {isChecking ? 'Checking the file…' : label}
      </label>
      <span id={`${id}-formats`} className="visually-hidden">
        MP4, MOV or WebM, at most 500 MB and 5 minutes.
      </span>
    </span>
  );
}
