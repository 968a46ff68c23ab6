// The words of the "pick up where you left off" offer, from a stored session (persist.js).
import { DEMOS } from './demos.js';
import { formatBytes, formatWhen, listPhrase, plural } from './format.js';

/** {title, text, canResume, forgetLabel} for a session with its decision count. */
export function resumeOffer(session) {
  const decisions = session.decisionCount
    ? `${plural(session.decisionCount, 'decision')}, saved ${formatWhen(session.decisionsSavedAt)}`
    : 'no decisions yet';
  let what;
  let canResume = true;
  if (session.kind === 'demo') {
    what = `the ${DEMOS[session.demo]?.title ?? session.demo} demo`;
  } else {
    what = listPhrase(session.names ?? []);
    canResume = Array.isArray(session.entries) && session.entries.length > 0;
  }
  let text;
  if (canResume) {
    text =
      session.kind === 'demo'
        ? 'Your decisions are kept in this browser, on this device.'
        : 'These files are kept in this browser’s storage on this device (you chose to keep them), so you can pick ' +
          'up where you left off. They were never uploaded.';
  } else {
    const why = session.filesError
      ? 'They could not be kept in this browser'
      : session.filesDeclined
        ? 'The files themselves were not kept (your choice)'
        : 'They are too large to keep in this browser';
    text =
      `${why}. Drop the same files again to get your ` +
      `${decisions.startsWith('no') ? 'review' : plural(session.decisionCount, 'decision')} back.`;
  }
  return {
    title: canResume
      ? `Resume ${what} — ${decisions}`
      : `Last time: ${what}${session.totalBytes ? ` (${formatBytes(session.totalBytes)})` : ''}`,
    text,
    canResume,
    forgetLabel: session.kind === 'files' && canResume ? 'Forget these files' : 'Dismiss',
  };
}
