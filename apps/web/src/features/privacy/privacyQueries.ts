import {
  candidatePrivacySchema,
  erasureResultSchema,
  interviewRetentionSchema,
  privacySettingsSchema,
  type InterviewRetentionChoice,
  type PrivacySettings,
  type RetentionChoice,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { invitationsRootKey } from '../invitations/invitationQueries.ts';

const privacySettingsKey = ['privacy', 'settings'] as const;
const retentionKey = (interviewId: string) => ['privacy', 'retention', interviewId] as const;
const candidatePrivacyKey = (invitationId: string) => ['privacy', 'candidate', invitationId] as const;

/** The words for each retention choice, as the settings and the interview page show them. */
export const retentionLabels: Record<RetentionChoice, string> = {
  keep: 'Keep until erased',
  '30': '30 days',
  '90': '90 days',
  '180': '180 days',
  '365': '365 days',
};

export const interviewRetentionLabels = (
  organisationDefault: RetentionChoice,
): Record<InterviewRetentionChoice, string> => ({
  organisation: `Default (${retentionLabels[organisationDefault].toLowerCase()})`,
  ...retentionLabels,
});

export function usePrivacySettings() {
  return useQuery({
    queryKey: privacySettingsKey,
    queryFn: ({ signal }) => requestApi('/organisation/privacy', { schema: privacySettingsSchema, signal }),
  });
}

export function useUpdatePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PrivacySettings) =>
      requestApi('/organisation/privacy', { method: 'PUT', body: input, schema: privacySettingsSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData(privacySettingsKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['privacy', 'retention'] });
    },
  });
}

export function useInterviewRetention(interviewId: string) {
  return useQuery({
    queryKey: retentionKey(interviewId),
    queryFn: ({ signal }) =>
      requestApi(`/interviews/${encodeURIComponent(interviewId)}/retention`, {
        schema: interviewRetentionSchema,
        signal,
      }),
  });
}

export function useUpdateInterviewRetention(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: InterviewRetentionChoice) =>
      requestApi(`/interviews/${encodeURIComponent(interviewId)}/retention`, {
        method: 'PUT',
        body: { choice },
        schema: interviewRetentionSchema,
      }),
    onSuccess: (saved) => queryClient.setQueryData(retentionKey(interviewId), saved),
  });
}

/** Erases every candidate of the interview (not those under a legal hold); the confirmation is its title. */
export function useEraseInterviewCandidates(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmation: string) =>
      requestApi(`/interviews/${encodeURIComponent(interviewId)}/erase-candidates`, {
        method: 'POST',
        body: { confirmation },
        schema: erasureResultSchema,
      }),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

export function useCandidatePrivacy(invitationId: string) {
  return useQuery({
    queryKey: candidatePrivacyKey(invitationId),
    queryFn: ({ signal }) =>
      requestApi(`/invitations/${encodeURIComponent(invitationId)}/privacy`, {
        schema: candidatePrivacySchema,
        signal,
      }),
  });
}

/** Places (with a reason) or lifts a legal hold; the answer is the candidate's privacy state. */
export function useLegalHold(invitationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { place: true; reason: string } | { place: false }) =>
      requestApi(`/invitations/${encodeURIComponent(invitationId)}/legal-hold`, {
        method: change.place ? 'PUT' : 'DELETE',
        ...(change.place ? { body: change.reason ? { reason: change.reason } : {} } : {}),
        schema: candidatePrivacySchema,
      }),
    onSuccess: (state) => {
      queryClient.setQueryData(candidatePrivacyKey(invitationId), state);
      void queryClient.invalidateQueries({ queryKey: invitationsRootKey });
    },
  });
}

/** Erases one candidate now; the confirmation is their e-mail address. */
export function useEraseCandidate(invitationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmation: string) =>
      requestApi(`/invitations/${encodeURIComponent(invitationId)}/erase`, {
        method: 'POST',
        body: { confirmation },
        schema: erasureResultSchema,
      }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: candidatePrivacyKey(invitationId) });
      void queryClient.invalidateQueries({ queryKey: invitationsRootKey });
      void queryClient.invalidateQueries({ queryKey: ['privacy', 'retention'] });
    },
  });
}
