export interface DigestCompletion {
  id: string;
  candidate_name: string;
  interview_id: string;
  title: string;
  anonymised_review: number;
}

/**
 * The daily digest's text: completions grouped by interview, each with a link to the candidate's review page (a
 * page every role that gets the digest may open). A reviewer of an anonymised interview gets counts and the
 * interview's review list only, never names.
 */
export function composeDigest(options: {
  publicUrl: string;
  completions: DigestCompletion[];
  hideNamesOfAnonymised: boolean;
}): { subject: string; text: string } {
  const byInterview = new Map<string, DigestCompletion[]>();
  for (const c of options.completions)
    byInterview.set(c.interview_id, [...(byInterview.get(c.interview_id) ?? []), c]);
  const sections = [...byInterview.entries()].map(([interviewId, list]) => {
    const first = list[0];
    const title = first?.title ?? 'Interview';
    const heading = `${title}: ${list.length} completed`;
    if (options.hideNamesOfAnonymised && first?.anonymised_review === 1) {
      return `${heading} (names hidden: this interview is reviewed anonymously)\n${options.publicUrl}/interviews/${interviewId}/review`;
    }
    const lines = list.map(
      (c) => `- ${c.candidate_name}: ${options.publicUrl}/interviews/${interviewId}/review/${c.id}`,
    );
    return [heading, ...lines].join('\n');
  });
  const count = options.completions.length;
  return {
    subject: `${count} ${count === 1 ? 'candidate' : 'candidates'} completed an interview in the last day`,
    text: `Hello,\n\nThese answers are ready for review:\n\n${sections.join('\n\n')}\n\nYou get this digest once a day because you chose it in your notification preferences.`,
  };
}
