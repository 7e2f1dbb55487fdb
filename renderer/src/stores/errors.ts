/** The text of a rejection, for a person: an Error's message, or the value as a string. */
export const errorText = (failure: unknown): string =>
  failure instanceof Error ? failure.message : String(failure)
