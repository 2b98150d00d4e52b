import type { AnswerType, StartMode } from '@oneway/shared';

/** The columns of one question's rules, shared by interview questions and the question bank. */
export interface QuestionSettingsColumns {
  prompt_text: string;
  answer_type: AnswerType;
  think_mode: 'none' | 'timed' | 'unlimited';
  think_seconds: number | null;
  answer_seconds: number | null;
  text_max_chars: number | null;
  takes: number;
  start_mode: StartMode;
  /** JSON Rubric or null. */
  rubric: string | null;
}

export interface QuestionsTable extends QuestionSettingsColumns {
  id: string;
  interview_id: string;
  /** 0-based order within the interview, kept without gaps. */
  position: number;
  /** The current video prompt (prompt_videos.id); null when there is none. */
  prompt_video_id: string | null;
  created_at: string;
  updated_at: string;
}
