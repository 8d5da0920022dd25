import { useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { type SendResult, send } from './send.ts';

interface RequestPaneProps {
  environment: EnvironmentConfig;
  accessToken: string;
}

const prettyJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

interface Shown {
  result: SendResult;
  text: string;
}

export function RequestPane({ environment, accessToken }: RequestPaneProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `${environment.api.baseUrl}/api/v1/me`;

  const run = async () => {
    setBusy(true);
    const result = await send({ method: 'GET', url, headers: [['Authorization', `Bearer ${accessToken}`]] });
    const text = result.kind === 'response' ? prettyJson(await result.body.text()) : '';
    setShown({ result, text });
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="request-title">
      <h2 id="request-title">Call the API</h2>
      <div className="request-line">
        <code>GET {url}</code>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {shown && (
        <section aria-label="Response" className="response">
          <p className="response__status" data-testid="response-status">
            {shown.result.kind === 'response'
              ? `${shown.result.status} ${shown.result.statusText}`
              : shown.result.kind === 'network-error'
                ? 'No response: the API is down, or CORS blocked it'
                : shown.result.kind}
          </p>
          <pre className="response__body">{shown.text}</pre>
        </section>
      )}
    </section>
  );
}
