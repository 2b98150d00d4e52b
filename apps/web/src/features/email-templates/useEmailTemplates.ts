import {
  emailPreviewSchema,
  emailTemplateListSchema,
  emailTestSentSchema,
  emailTemplateSchema,
  type EmailTemplate,
  type EmailTemplateKind,
  type InterviewLanguage,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { outboxQueryKey } from '../../api/queryKeys.ts';

/** Where a set of e-mail wordings lives: one interview's, or the organisation's in one language. */
export interface TemplateSet {
  path: string;
  queryKey: readonly string[];
}

export const interviewTemplateSet = (interviewId: string): TemplateSet => ({
  path: `/interviews/${encodeURIComponent(interviewId)}/email-templates`,
  queryKey: ['email-templates', 'interview', interviewId],
});

export const organisationTemplateSet = (language: InterviewLanguage): TemplateSet => ({
  path: `/organisation/email-templates/${language}`,
  queryKey: ['email-templates', 'organisation', language],
});

const templatesPath = (set: TemplateSet, kind?: EmailTemplateKind) => `${set.path}${kind ? `/${kind}` : ''}`;

/** Every kind of e-mail of the set as it will be sent, and the placeholders they may use. */
export function useEmailTemplates(set: TemplateSet) {
  return useQuery({
    queryKey: set.queryKey,
    queryFn: ({ signal }) => requestApi(templatesPath(set), { schema: emailTemplateListSchema, signal }),
  });
}

/** Puts the template a mutation answered with into the cached list. */
function useStoreTemplate(set: TemplateSet) {
  const queryClient = useQueryClient();
  return (saved: EmailTemplate) => {
    // An organisation's wording shows through every interview in its language: those lists are read again.
    if (set.queryKey[1] === 'organisation') {
      void queryClient.invalidateQueries({ queryKey: ['email-templates', 'interview'] });
    }
    queryClient.setQueryData<{ templates: EmailTemplate[]; placeholders: string[] }>(
      set.queryKey,
      (list) =>
        list && { ...list, templates: list.templates.map((t) => (t.kind === saved.kind ? saved : t)) },
    );
  };
}

export function useSaveEmailTemplate(set: TemplateSet, kind: EmailTemplateKind) {
  const storeTemplate = useStoreTemplate(set);
  return useMutation({
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(templatesPath(set, kind), {
        method: 'PUT',
        body: input,
        schema: emailTemplateSchema,
      }),
    onSuccess: storeTemplate,
  });
}

/** Goes back to the built-in wording; answers with it. */
export function useResetEmailTemplate(set: TemplateSet, kind: EmailTemplateKind) {
  const storeTemplate = useStoreTemplate(set);
  return useMutation({
    mutationFn: () => requestApi(templatesPath(set, kind), { method: 'DELETE', schema: emailTemplateSchema }),
    onSuccess: storeTemplate,
  });
}

/** The e-mail with this (unsaved) wording, filled in for an example candidate. */
export function usePreviewEmailTemplate(set: TemplateSet, kind: EmailTemplateKind) {
  return useMutation({
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(`${templatesPath(set, kind)}/preview`, {
        method: 'POST',
        body: input,
        schema: emailPreviewSchema,
      }),
  });
}

/** Sends that example to me, with "[Test]" before the subject. */
export function useSendTestEmail(set: TemplateSet, kind: EmailTemplateKind) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(`${templatesPath(set, kind)}/test`, {
        method: 'POST',
        body: input,
        schema: emailTestSentSchema,
      }),
    // The test goes through the outbox like every e-mail.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outboxQueryKey }),
  });
}
