/**
 * A failure to write outputs, with a message a user can act on. `mistake`:
 * the command line asked for something that cannot work (an --out that is a
 * file), which is bad input (exit 2), not a failure of the machine (exit 1).
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly mistake = false,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}
