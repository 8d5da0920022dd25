import type { OutgoingRequest, SendResult } from '../../shared/bearer/send.ts';
import type { Explanation } from '../../shared/explanation.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { leaveOutPersonal, scrubPersonal } from './personalData.ts';
import { reportStory } from './reportStory.ts';

/** What a ticket needs about one send: everything but the token itself. */
export interface ReportInput {
  environment: { label: string; authority: string; apiBaseUrl: string };
  /** Local time the request left (ms since the epoch) and the measured server clock skew. */
  sentAtMs: number;
  skewMs: number;
  skewMeasured: boolean;
  /** Which token was chosen ("Current access token", "patient", "No token"…). */
  tokenLabel: string;
  request: OutgoingRequest;
  result: SendResult;
  /** The first bytes of the body, as text (the report keeps the first KB). */
  bodyText: string;
  token?: TokenReading | undefined;
  /** A short hash of the token (fingerprintOf), never the token. */
  fingerprint?: string | undefined;
  verdict: Explanation;
  /** The request as curl with $TOKEN (toCurl). */
  curl: string;
}

/** What the user adds to a report before copying it. */
export interface ReportChoices {
  /** What should have happened, in the user's words; empty leaves a hint in its place. */
  expected: string;
  /** Name, e-mail and the other claims that identify a person: left out unless asked. */
  includePersonal: boolean;
}

export const DEFAULT_CHOICES: ReportChoices = { expected: '', includePersonal: false };

/** A report that waits for the user's choices (sendReport's answer), written anew for each. */
export type ReportWriter = (choices: ReportChoices) => string;

export const BODY_LIMIT = 1024;
/** Bearer values of any header, whatever the case. */
const BEARER_VALUE = /^(\s*bearer\s+)(\S+)/i;
const TOKEN_SHAPED = /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g;

const fence = (text: string, lang = '') => {
  // A body with ``` in it must not close the fence early (CommonMark: a longer fence).
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
};

const statusOf = (result: SendResult) => {
  switch (result.kind) {
    case 'response':
      return `${result.status} ${result.statusText}`.trim();
    case 'network-error':
      return `No response (${result.message})`;
    case 'blocked-by-csp':
      return `Not sent: the portal's Content-Security-Policy blocked ${result.origin}`;
    case 'timeout':
      return `Timeout after ${result.timeoutMs} ms`;
    case 'cancelled':
      return 'Cancelled';
    case 'redirect':
      return 'Redirect (not followed)';
  }
};

/** Environment, time and skew: the head of every report (a send's, or the matrix's). */
export function reportHeader(
  environment: ReportInput['environment'],
  atMs: number,
  skew: { skewMs: number; skewMeasured: boolean },
): string {
  const skewText = skew.skewMeasured
    ? `${skew.skewMs >= 0 ? '+' : ''}${(skew.skewMs / 1000).toFixed(1)} s (server minus this machine)`
    : 'not measured';
  return [
    `- **Environment:** ${environment.label}`,
    `- **Realm:** ${environment.authority}`,
    `- **API:** ${environment.apiBaseUrl}`,
    `- **Time:** ${new Date(atMs).toISOString()} (this machine)`,
    `- **Clock skew:** ${skewText}`,
  ].join('\n');
}

/** `Bearer <fingerprint>` for any bearer value; other headers as sent. */
export const maskHeader = (name: string, value: string, fingerprint: string | undefined) =>
  name.toLowerCase() === 'authorization'
    ? value.replace(
        BEARER_VALUE,
        (_, scheme: string) => `${scheme}<token ${fingerprint ?? 'fingerprint unknown'}>`,
      )
    : value;

/**
 * The last guard: whatever slipped in (an API echoing the token in its body, a token in the URL),
 * the token, each of its parts and anything shaped like a JWT become its fingerprint.
 */
export function scrubTokens(text: string, secrets: readonly string[], fingerprint = 'redacted'): string {
  const pieces = secrets
    .flatMap((secret) => [secret, ...secret.split('.')])
    .filter((piece) => piece.length >= 8)
    .sort((a, b) => b.length - a.length);
  let clean = text;
  for (const piece of pieces) clean = clean.split(piece).join(`<token ${fingerprint}>`);
  return clean.replace(TOKEN_SHAPED, '<JWT-shaped value removed>');
}

/** The claims only: the payload decoded, never the header's signature or the raw parts. */
const claimsOf = (token: TokenReading | undefined, personal: { claims: Record<string, unknown> } | null) => {
  if (!token) return 'No token was sent.';
  if (!token.decoded.ok) return `The token's claims cannot be read: ${token.problem ?? 'not a JWT'}`;
  return fence(JSON.stringify(personal?.claims ?? token.decoded.payload, null, 2), 'json');
};

/**
 * A Markdown bug report of one send, for a ticket. Pure; the token never appears in it: the bearer
 * is a fingerprint, the claims are decoded JSON, the curl uses $TOKEN, and scrubTokens runs last.
 * Steps / Expected / Actual lead; personal claims are left out unless the choices include them.
 */
export function bugReport(input: ReportInput, choices: ReportChoices = DEFAULT_CHOICES): string {
  const { request, result, token, fingerprint, verdict } = input;
  const personal =
    !choices.includePersonal && token?.decoded.ok ? leaveOutPersonal(token.decoded.payload) : null;
  const headers = request.headers.map(([name, value]) => `${name}: ${maskHeader(name, value, fingerprint)}`);
  const body = input.bodyText.slice(0, BODY_LIMIT);
  const responseLines =
    result.kind === 'response'
      ? [
          `**Status:** ${statusOf(result)} · ${result.durationMs} ms`,
          '',
          'Headers the browser could read (CORS hides the rest):',
          fence(result.headers.map(([name, value]) => `${name}: ${value}`).join('\n') || '(none)', 'http'),
          '',
          `Body (first ${Math.min(BODY_LIMIT, body.length)} of ${result.body.size} bytes):`,
          fence(body || '(empty)'),
        ]
      : [`**Status:** ${statusOf(result)} · ${result.durationMs} ms`];
  const explanation = [
    `**${verdict.title}**`,
    verdict.quote && `> ${verdict.quote}`,
    verdict.detail,
    ...(verdict.reasons ?? []).map((reason) => `- ${reason}`),
    verdict.next && `Next: ${verdict.next}`,
  ].filter((line): line is string => Boolean(line));
  const text = [
    `## ${request.method} ${request.url} → ${statusOf(result)}`,
    '',
    reportHeader(input.environment, input.sentAtMs, input),
    `- **Token:** ${input.tokenLabel}${fingerprint ? ` (fingerprint ${fingerprint})` : ''}`,
    '',
    ...reportStory(input, statusOf(result), choices),
    '',
    '### Request',
    fence([`${request.method} ${request.url}`, ...headers].join('\n'), 'http'),
    ...(request.body ? [fence(request.body.slice(0, BODY_LIMIT))] : []),
    '',
    '### Response',
    ...responseLines,
    '',
    '### Verdict',
    ...explanation,
    '',
    personal
      ? '### Token claims (signature, refresh token, name and e-mail left out)'
      : '### Token claims (signature and refresh token left out)',
    claimsOf(token, personal),
    '',
    '### Reproduce',
    'Set TOKEN to a token of the same user first.',
    fence(input.curl, 'sh'),
    '',
  ].join('\n');
  const clean = scrubTokens(text, token ? [token.raw] : [], fingerprint);
  return personal ? scrubPersonal(clean, personal.values) : clean;
}
