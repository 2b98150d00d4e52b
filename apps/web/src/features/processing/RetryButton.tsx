import { useRetryProcessing } from './useProcessing.ts';

interface RetryButtonProps {
  takeId: string;
  label: string;
  /** Said after the label to screen readers, e.g. "of Ada's answer to question 2". */
  context?: string;
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

/** Queues a recording's processing again; says so while the request runs and cannot be sent twice. */
export function RetryButton(props: RetryButtonProps) {
  const retry = useRetryProcessing();
  return (
    <button
      type="button"
      className="button button--small"
      aria-disabled={retry.isPending || undefined}
      onClick={() => {
        if (retry.isPending) return;
        retry.mutate(props.takeId, { onSuccess: props.onSuccess, onError: props.onError });
      }}
    >
      {retry.isPending ? 'Retrying…' : props.label}
      {props.context ? <span className="visually-hidden"> {props.context}</span> : null}
    </button>
  );
}
