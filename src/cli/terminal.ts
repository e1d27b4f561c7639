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

/**
 * A reader that stops reading (`zonal solve … | head -1`) closes the pipe, and
 * writing more to it fails (EPIPE). What zonal would have printed there is
 * dropped and the command carries on (its files are still written), as other
 * command-line tools do, instead of ending with Node's stack trace.
 */
function droppedOnClosedPipe(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  throw e;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/** The stream, made to drop what its reader will no longer read (made on first use: a command that prints nothing to it never opens it). */
function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', droppedOnClosedPipe);
  }
  return stream;
}

/** Standard output, for text written as it is (JSON): a closed pipe drops it. */
export const standardOut = (): NodeJS.WriteStream => guard(process.stdout);

/** Write text meant for a person to standard output, escaped. */
export function writeOut(text: string): void {
  standardOut().write(terminalSafe(text));
}

/** Standard error, for messages, notes and the progress bar: a closed pipe drops them. */
export const standardErr = (): NodeJS.WriteStream => guard(process.stderr);

/** Write text meant for a person to standard error, escaped. */
export function writeErr(text: string): void {
  standardErr().write(terminalSafe(text));
}
