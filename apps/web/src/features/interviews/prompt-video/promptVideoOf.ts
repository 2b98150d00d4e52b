import { promptVideoSchema, type Interview, type PromptVideo, type Question } from '@oneway/shared';

function readVideo(value: unknown): PromptVideo | null {
  const parsed = promptVideoSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The interview's intro video, or null. */
export const introVideoOf = (interview: Interview): PromptVideo | null =>
  readVideo((interview as Record<string, unknown>).introVideo);

/** The question's video prompt, or null. */
export const questionVideoOf = (question: Question): PromptVideo | null =>
  readVideo((question as Record<string, unknown>).promptVideo);
