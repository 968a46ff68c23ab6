// What the analysis controller (analysis.js) decides as files come in: which are refused at once, whether they
// start a set of their own or join the files listed, and whether the person's choices kept about them are asked
// for (ui/choices.js answers). No DOM here.

/** Files the person dropped or picked, not ones the page loaded itself (a demo, an address). */
export const isTheirs = (origin) => origin?.kind === 'files';

/**
 * Sniffs every file: {usable, refused}. A file the sniffer already knows is unusable (empty, binary, ...) is refused
 * at once, with the reader's message, instead of waiting in the list for a second file.
 */
export async function sniffAll(files, sniff) {
  const sniffed = await Promise.all([...files].map((file) => sniff(file)));
  return { usable: sniffed.filter((e) => !e.problem), refused: sniffed.filter((e) => e.problem) };
}

/**
 * Whether the files coming in replace those listed. Files the page loaded itself are not the person's: what they
 * drop starts a set of their own, never paired with them (a probabilities file beside the demo's table, say).
 */
export function startsOwnSet({ replace, origin, listedOrigin, listed }) {
  return replace || (isTheirs(origin) && !isTheirs(listedOrigin) && listed > 0);
}

/**
 * Whether the choices kept about the files listed are asked for: the person's own files, and not only a known truth
 * file added to them (the person may be choosing the columns).
 */
export function recallsChoices(origin, incoming) {
  return isTheirs(origin) && incoming.some((e) => e.role !== 'truth');
}
