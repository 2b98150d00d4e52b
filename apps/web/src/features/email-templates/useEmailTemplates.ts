import {
  emailPreviewSchema,
  emailTemplateListSchema,
  emailTestSentSchema,
  emailTemplateSchema,
  type EmailTemplate,
  type EmailTemplateKind,
  type UpdateEmailTemplateInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { outboxQueryKey } from '../../api/queryKeys.ts';

const templatesQueryKey = (interviewId: string) => ['email-templates', interviewId] as const;
const templatesPath = (interviewId: string, kind?: EmailTemplateKind) =>
  `/interviews/${encodeURIComponent(interviewId)}/email-templates${kind ? `/${kind}` : ''}`;

/** The interview's five e-mails as they will be sent, and the placeholders they may use. */
export function useEmailTemplates(interviewId: string) {
  return useQuery({
    queryKey: templatesQueryKey(interviewId),
    queryFn: ({ signal }) =>
      requestApi(templatesPath(interviewId), { schema: emailTemplateListSchema, signal }),
  });
}

/** Puts the template a mutation answered with into the cached list. */
function useStoreTemplate(interviewId: string) {
  const queryClient = useQueryClient();
  return (saved: EmailTemplate) =>
    queryClient.setQueryData<{ templates: EmailTemplate[]; placeholders: string[] }>(
      templatesQueryKey(interviewId),
      (list) =>
        list && { ...list, templates: list.templates.map((t) => (t.kind === saved.kind ? saved : t)) },
    );
}

export function useSaveEmailTemplate(interviewId: string, kind: EmailTemplateKind) {
  const storeTemplate = useStoreTemplate(interviewId);
  return useMutation({
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(templatesPath(interviewId, kind), {
        method: 'PUT',
        body: input,
        schema: emailTemplateSchema,
      }),
    onSuccess: storeTemplate,
  });
}

/** Goes back to the built-in wording; answers with it. */
export function useResetEmailTemplate(interviewId: string, kind: EmailTemplateKind) {
  const storeTemplate = useStoreTemplate(interviewId);
  return useMutation({
    mutationFn: () =>
      requestApi(templatesPath(interviewId, kind), { method: 'DELETE', schema: emailTemplateSchema }),
    onSuccess: storeTemplate,
  });
}

/** The e-mail with this (unsaved) wording, filled in for an example candidate. */
export function usePreviewEmailTemplate(interviewId: string, kind: EmailTemplateKind) {
  return useMutation({
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(`${templatesPath(interviewId, kind)}/preview`, {
        method: 'POST',
        body: input,
        schema: emailPreviewSchema,
      }),
  });
}

/** Sends that example to me, with "[Test]" before the subject. */
export function useSendTestEmail(interviewId: string, kind: EmailTemplateKind) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (input: UpdateEmailTemplateInput) =>
      requestApi(`${templatesPath(interviewId, kind)}/test`, {
        method: 'POST',
        body: input,
        schema: emailTestSentSchema,
      }),
    // The test goes through the outbox like every e-mail.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outboxQueryKey }),
  });
}
