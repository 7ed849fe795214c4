/** Office theme → Fluent theme: dark when Office's body background is dark. */
export function isDarkOfficeTheme(officeTheme: { bodyBackgroundColor?: string } | null | undefined): boolean {
  const color = officeTheme?.bodyBackgroundColor;
  const match = color ? /^#?([0-9a-f]{6})$/i.exec(color.trim()) : null;
  if (!match) return false;
  const n = parseInt(match[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  // Relative luminance (sRGB weights, no gamma: precise enough to tell dark from light).
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}
