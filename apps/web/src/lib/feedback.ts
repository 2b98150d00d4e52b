/** How a page's actions (team, account security) report back to the page's shared status and error regions. */
export interface Feedback {
  success: (message: string) => void;
  failure: (error: unknown) => void;
}
