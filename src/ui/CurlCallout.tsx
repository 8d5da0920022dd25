import { exportToken } from '../shared/bearer/toCurl.ts';
import { Callout, type CalloutProps } from './Callout.tsx';
import { CodeBlock } from './CodeBlock.tsx';
import { CopyButton } from './CopyButton.tsx';

/**
 * A Callout whose explanation may carry a curl command to retry it outside the browser, with a
 * copy button and, when it reads $TOKEN, the line that sets it. For the answers of the API and the
 * realm; what the explanation says comes first, as in every Callout.
 */
export function CurlCallout({ children, ...props }: CalloutProps) {
  const { curl } = props.explanation;
  return (
    <Callout {...props}>
      {curl && (
        <div className="callout__curl">
          <CodeBlock label="curl command to try it yourself">{curl}</CodeBlock>
          <CopyButton label="Copy curl" getText={() => curl} />
          {curl.includes('$TOKEN') && (
            <p className="small muted">
              Set TOKEN first, in the same shell (a new shell has none, and the API refuses an empty bearer):{' '}
              <code>{exportToken()}</code>
            </p>
          )}
        </div>
      )}
      {children}
    </Callout>
  );
}
