import type { en } from './locales/en.ts';

// Types the keys of the candidate namespace, so a missing or misspelt key fails the type check.
declare module 'i18next' {
  interface ResourceNamespaceMap {
    candidate: typeof en;
  }
}
