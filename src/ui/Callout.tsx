import { type ReactNode, useId } from 'react';
import type { Explanation, Tone } from '../shared/explanation.ts';

export interface CalloutProps {
  explanation: Explanation;
  /** The title's element: a heading at its level in the page's outline, or a paragraph. */
  heading?: 'h1' | 'h2' | 'h3' | 'p';
  /**
   * `alert` interrupts (read this now); `status` is announced politely; `note` is an aside. Without
   * one it is a named group, not a landmark: a page of explanations is not a page of regions.
   */
  role?: 'alert' | 'status' | 'note' | undefined;
  /** The words before the next step. */
  nextLabel?: string;
  /** Layout from the feature (spacing, dimming); the look is the callout's own. */
  className?: string | undefined;
  testId?: string | undefined;
  /** Buttons, and whatever the explanation cannot say in words. */
  children?: ReactNode;
}

const ICONS: Record<Tone, string> = { ok: '✓', info: 'ℹ', warn: '⚠', bad: '✕' };

/**
 * The one way the portal shows an explanation: what happened, why, and what to do next. An
 * explanation's curl command (answers of the API and the realm) is shown by CurlCallout, its
 * variant: the first screen never has one, so it does not load the code block and copy button.
 */
export function Callout({
  explanation,
  heading: Heading = 'p',
  role,
  nextLabel = 'Next step:',
  className,
  testId,
  children,
}: CalloutProps) {
  const titleId = useId();
  const { tone, title, quote, detail, reasons, note, next } = explanation;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is always set (group unless alert, status or note), and each names itself by its title.
    <div
      className={`callout tone-${tone}${className ? ` ${className}` : ''}`}
      role={role ?? 'group'}
      aria-labelledby={titleId}
      data-kind={explanation.kind}
      data-testid={testId}
    >
      <Heading id={titleId} className="callout__title">
        <span aria-hidden="true">{ICONS[tone]} </span>
        {title}
      </Heading>
      {quote && (
        <p>
          <code>{quote}</code>
        </p>
      )}
      {detail && <p>{detail}</p>}
      {reasons && reasons.length > 0 && (
        <ul className="callout__reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {note && <p className="callout__note">{note}</p>}
      {next && (
        <p>
          <strong>{nextLabel}</strong> {next}
        </p>
      )}
      {children}
    </div>
  );
}
