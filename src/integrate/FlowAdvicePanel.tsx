import { useId } from 'react';
import { type FlowAdvice, NOT_ADVISED } from './advice.ts';

/** The advised flow for the kind of client and why; the grants no client should use, and why not. */
export function FlowAdvicePanel({ advice }: { advice: FlowAdvice }) {
  const id = useId();
  return (
    <section className="ig-part" aria-labelledby={id}>
      <h3 id={id}>Advised flow: {advice.flow}</h3>
      <p>
        <span className="pill">{advice.clientType} client</span> {advice.summary}
      </p>
      <ul className="ig-list" aria-label="Why this flow">
        {advice.why.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <h4>Not advised, for any kind of client</h4>
      <ul className="ig-list" aria-label="Not advised">
        {NOT_ADVISED.map((grant) => (
          <li key={grant.grant}>
            <strong>{grant.grant}</strong> (Keycloak: {grant.setting}). {grant.why}
          </li>
        ))}
      </ul>
    </section>
  );
}
