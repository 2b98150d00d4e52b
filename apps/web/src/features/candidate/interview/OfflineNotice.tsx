import { useTranslation } from 'react-i18next';

/** While the browser is offline: recording goes on and the upload catches up later. */
export function OfflineNotice({ online }: { online: boolean }) {
  const { t } = useTranslation('candidate');
  if (online) return null;
  return (
    <div className="alert alert--warning" role="status">
      <p>{t('interview.offline')}</p>
    </div>
  );
}
