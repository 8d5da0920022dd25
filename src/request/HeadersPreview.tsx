import { listRoles } from '../shared/token/readToken.ts';
import { choiceLabel, type TokenChoice } from './chooseToken.ts';
import { maskToken } from './maskToken.ts';
import type { Prepared } from './prepareSend.ts';
import { TimeLeft } from './TimeLeft.tsx';

interface HeadersPreviewProps {
  prepared: Prepared;
  choice: TokenChoice;
  skewMs: number;
  now?: (() => number) | undefined;
}

/** The exact request that will leave, token masked, and who that token says you are. */
export function HeadersPreview({ prepared, choice, skewMs, now }: HeadersPreviewProps) {
  if (!prepared.ok) {
    return (
      <section className="rq-preview" aria-labelledby="rq-preview-title">
        <h3 id="rq-preview-title">Exact request</h3>
        <p className="small rq-error">{prepared.problem.message}</p>
      </section>
    );
  }
  const { request, token, asks } = prepared;
  const held = asks.find((ask) => ask.kind === 'origin');
  return (
    <section className="rq-preview" aria-labelledby="rq-preview-title">
      <h3 id="rq-preview-title">Exact request</h3>
      <pre className="rq-preview__lines" data-testid="headers-preview">
        {`${request.method} ${request.url}\n`}
        {request.headers.map(([name, value]) =>
          name === 'Authorization' && token !== undefined
            ? `Authorization: Bearer ${maskToken(token.raw)}${held ? `   (held back until you confirm ${held.origin})` : ''}\n`
            : `${name}: ${value}\n`,
        )}
        {prepared.browserHeaders.map(([name, value]) => `${name}: ${value}   (added by the browser)\n`)}
        {request.body !== undefined && `\n${request.body.length.toLocaleString('en-US')} characters of body`}
      </pre>
      <p className="small rq-who">
        <strong>{choiceLabel(choice)}</strong>
        {token === undefined ? (
          ': no Authorization header'
        ) : token.readable ? (
          <>
            {' '}
            — sub <code>{token.sub ?? '?'}</code>
            {token.username && <> ({token.username})</>}, roles: {listRoles(token.roles)},{' '}
            <TimeLeft token={token} skewMs={skewMs} now={now} />
          </>
        ) : (
          <> — {token.problem}</>
        )}
      </p>
    </section>
  );
}
