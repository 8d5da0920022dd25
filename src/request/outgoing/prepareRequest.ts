import { writesData } from '../../config/methods.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { isLocalApi } from '../../config/urls.ts';
import type { OutgoingRequest } from '../../shared/bearer/send.ts';
import type { Failure } from '../../shared/explanation.ts';
import { problemText } from '../../shared/token/explainJudgement.ts';
import { roleProblem } from '../../shared/token/judgeToken.ts';
import { type TokenReading, whoOf } from '../../shared/token/readToken.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import type { RequestDraft } from '../editor/draft.ts';
import { validateJson } from '../editor/validateJson.ts';
import { chooseToken } from './chooseToken.ts';
import { checkBearerTarget, type OtherEnvironment, resolveUrl } from './target.ts';

/** Something the user must agree to before the request leaves. */
export type Ask =
  | { kind: 'origin'; origin: string; message: string }
  /** A writing method on an API that is not on this machine: its data is shared, or real. */
  | { kind: 'writes'; environment: string; production: boolean; message: string };

/** Something the user should know before sending, shown beside Send: it does not hold the request. */
export interface Warning {
  kind: 'role';
  role: string;
  message: string;
}

/** Why the request cannot leave, and what to change. */
export type Problem = Failure<'url' | 'json' | 'token' | 'target' | 'header'>;

export type Prepared =
  | {
      ok: true;
      request: OutgoingRequest;
      /** The token that goes into Authorization, read once. */
      token: TokenReading | undefined;
      asks: Ask[];
      warnings: Warning[];
      /** GET and HEAD carry no body: the editor's body is not sent. */
      bodyIgnored: boolean;
      /** Headers the browser adds itself (shown in the preview, not set by us). */
      browserHeaders: Array<[string, string]>;
    }
  | { ok: false; problem: Problem };

export interface PrepareContext {
  environment: Pick<EnvironmentConfig, 'api' | 'production' | 'presets' | 'label'>;
  /** The other environments of config.json: their APIs never get this environment's token. */
  otherEnvironments?: readonly OtherEnvironment[];
  tokens: SessionTokens;
  /** Server time (seconds) to choose tokens by: "expired" means expired now. */
  serverNow: number;
  confirmedOrigins: readonly string[];
  /** The user chose to send invalid JSON as it is. */
  sendInvalidJson?: boolean;
  /** The matrix sends refused tokens on purpose: no role warning there. */
  skipRoleCheck?: boolean;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Turns the draft into the exact request that will leave, or says what stops it. Pure, so the
 * headers preview, "Copy as curl", Send and the matrix all agree on the same request.
 */
export function prepareRequest(draft: RequestDraft, context: PrepareContext): Prepared {
  const fail = (kind: Problem['kind'], title: string, next: string): Prepared => ({
    ok: false,
    problem: { kind, tone: 'bad', title, next },
  });
  const resolved = resolveUrl(draft.url, context.environment.api.baseUrl);
  if (!resolved.ok) return fail('url', resolved.message, 'Fix the URL and send again.');

  const headers: Array<[string, string]> = [];
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (!row.enabled || (name === '' && row.value.trim() === '')) continue;
    if (!HEADER_NAME.test(name)) {
      return fail(
        'header',
        `“${name}” is not a valid header name.`,
        'Use letters, digits and dashes only, or disable the row.',
      );
    }
    if (/[\r\n\0]/.test(row.value)) {
      return fail('header', `The value of ${name} has a line break.`, 'Put it on one line.');
    }
    headers.push([name, row.value.trim()]);
  }
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);

  const bodyIgnored = (draft.method === 'GET' || draft.method === 'HEAD') && draft.body.trim() !== '';
  const sendsBody = !(draft.method === 'GET' || draft.method === 'HEAD') && draft.body.trim() !== '';
  const browserHeaders: Array<[string, string]> = [];
  if (sendsBody && draft.bodyMode === 'json') {
    const check = validateJson(draft.body);
    if (!check.ok && !context.sendInvalidJson) {
      return fail(
        'json',
        `The body is not valid JSON: ${check.message}.`,
        'Fix it, switch the body to text, or send it as text anyway.',
      );
    }
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
  } else if (sendsBody && !has('content-type')) {
    browserHeaders.push(['Content-Type', 'text/plain;charset=UTF-8']);
  }

  const chosen = chooseToken(draft.tokenChoice, context.tokens, draft.pasted, context.serverNow);
  if (!chosen.ok) return fail('token', chosen.message, 'Choose another token to send.');
  const asks: Ask[] = [];
  if (chosen.token !== undefined) {
    if (has('authorization')) {
      return fail(
        'header',
        'Two Authorization headers: your header row and the chosen token.',
        'Disable your Authorization row, or choose “No token”.',
      );
    }
    const target = checkBearerTarget(
      resolved.url,
      context.environment,
      context.confirmedOrigins,
      context.otherEnvironments,
    );
    if (target.verdict === 'refused') {
      return fail(
        'target',
        target.message,
        target.reason === 'other-environment'
          ? 'Switch to that environment in the header and sign in there, or choose “No token”.'
          : 'Fix the URL, or choose “No token”.',
      );
    }
    if (target.verdict === 'confirm')
      asks.push({ kind: 'origin', origin: target.origin, message: target.message });
    headers.push(['Authorization', `Bearer ${chosen.token.raw}`]);
  }
  const { environment } = context;
  if (writesData(draft.method) && (environment.production || !isLocalApi(environment))) {
    asks.push({
      kind: 'writes',
      environment: environment.label,
      production: environment.production,
      message: environment.production
        ? `This is PRODUCTION: ${draft.method} ${resolved.url} may change real data.`
        : `${draft.method} ${resolved.url} writes data on ${environment.label}, which others use too.`,
    });
  }
  const warnings: Warning[] = [];
  const preset = context.environment.presets.find((p) => p.name === draft.presetName);
  const sendsOwnToken = draft.tokenChoice === 'current' || draft.tokenChoice === 'pasted';
  const role = preset?.requiredRole;
  if (role && sendsOwnToken && !context.skipRoleCheck && chosen.token?.readable) {
    // The same role rule as the token view and the explainer: the realm role, not a client role.
    const missing = roleProblem(chosen.token, role);
    if (missing) {
      warnings.push({
        kind: 'role',
        role,
        message: `“${preset.name}” needs the realm role “${role}”, but this token (${whoOf(chosen.token)}) does not have it: ${problemText(missing)}. The API will likely refuse it (403); Send sends it anyway.`,
      });
    }
  }
  const request: OutgoingRequest = {
    method: draft.method,
    url: resolved.url,
    headers,
    ...(sendsBody ? { body: draft.body } : {}),
  };
  return { ok: true, request, token: chosen.token, asks, warnings, bodyIgnored, browserHeaders };
}
