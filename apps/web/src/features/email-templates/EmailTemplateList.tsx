import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { EmailTemplateForm } from './EmailTemplateForm.tsx';
import { PlaceholderList } from './PlaceholderList.tsx';
import { useEmailTemplates, type TemplateSet } from './useEmailTemplates.ts';

interface EmailTemplateListProps {
  set: TemplateSet;
  /** What "Reset" goes back to. */
  resetTo: string;
  canEdit: boolean;
  feedback: Feedback;
}

/** Every e-mail of the set, one form each, beside the placeholders they may use. */
export function EmailTemplateList({ set, resetTo, canEdit, feedback }: EmailTemplateListProps) {
  const templates = useEmailTemplates(set);
  if (templates.isPending) return <Loading />;
  if (templates.isError) return <ErrorMessage error={templates.error} />;
  return (
    <div className="email-templates">
      <div className="email-templates__aside">
        <PlaceholderList placeholders={templates.data.placeholders} />
      </div>
      <div className="email-templates__main">
        {templates.data.templates.map((template) => (
          <EmailTemplateForm
            key={`${set.path}-${template.kind}`}
            set={set}
            template={template}
            resetTo={resetTo}
            canEdit={canEdit}
            feedback={feedback}
          />
        ))}
      </div>
    </div>
  );
}
