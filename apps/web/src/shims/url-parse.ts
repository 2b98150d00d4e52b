/**
 * What tus-js-client uses of `url-parse` (`new URL(link, origin).toString()` to resolve an upload's Location),
 * from the browser's own URL. Aliased in vite.config.ts to keep the candidate pages' JavaScript small.
 */
export default class ResolvedUrl {
  private readonly href: string;

  constructor(address: string, base?: string) {
    this.href = new URL(address, base).href;
  }

  toString(): string {
    return this.href;
  }
}
