/** WCAG relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio between white text and a #rrggbb background (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/**
 * The interview's accent colour when white button text on it meets WCAG AA (4.5:1); null otherwise, so buttons
 * keep the default colour rather than becoming hard to read.
 */
export function usableAccentColour(colour: string | null | undefined): string | null {
  if (!colour || !/^#[0-9a-fA-F]{6}$/.test(colour)) return null;
  return contrastWithWhite(colour) >= 4.5 ? colour : null;
}
