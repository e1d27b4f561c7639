/**
 * Text from a scenario or a batch file reaches the terminal only through here:
 * control characters (a terminal escape that clears the screen or retitles the
 * window, a NUL, a bell) are shown as visible escapes such as `\u001b`.
 * Line breaks and tabs stay.
 */

// C0 controls but tab and line feed, DEL, and the C1 controls (U+0080-U+009F, which some terminals obey too)
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Write text meant for a person to standard output, escaped. */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Write text meant for a person to standard error, escaped. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
