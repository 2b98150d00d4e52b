/** How team actions report back to the page's shared status and error regions. */
export interface Feedback {
  success: (message: string) => void;
  failure: (error: unknown) => void;
}
