/** How a message reads at a glance; the one callout (ui/Callout) colours it. */
export type Tone = 'ok' | 'info' | 'warn' | 'bad';

interface Said<Kind extends string> {
  /** Stable tag: tests and follow-up actions choose by it, never by the words. */
  kind: Kind;
  /** What happened, in one line. */
  title: string;
  /** The other side's own words, as it sent them (the realm's `error: error_description`). */
  quote?: string | undefined;
  /** Why, and what it means, in sentences a QA tester understands. */
  detail?: string | undefined;
  /** Every reason, one clause each, when there are several. */
  reasons?: readonly string[] | undefined;
  /** Where the evidence came from, when that is not obvious. */
  note?: string | undefined;
  /** A command to retry outside the browser (curl with a $TOKEN placeholder). */
  curl?: string | undefined;
}

/**
 * "What happened and what to do next": the one shape of every message the portal explains
 * something with (an auth error, a refresh failure, a realm that cannot be read, a response's
 * verdict, a request that cannot leave, the token's verdict). Good news may stop at what happened;
 * a warning or an error always says what to do next, and the type holds the producers to it.
 */
export type Explanation<Kind extends string = string> =
  | (Said<Kind> & { tone: 'ok' | 'info'; next?: string | undefined })
  | (Said<Kind> & { tone: 'warn' | 'bad'; next: string });

/** A warning or an error: something went wrong, and it says what to do next. */
export type Failure<Kind extends string = string> = Extract<Explanation<Kind>, { tone: 'warn' | 'bad' }>;
