import type { ReactNode } from 'react';

interface CodeBlockProps {
  /** What the box holds, for screen readers ("Access token", "Response body"). */
  label: string;
  children: ReactNode;
  className?: string;
  /** `pre` for text as it is; `div` or `section` for laid-out content (JSON tree, token parts). */
  as?: 'pre' | 'div' | 'section';
  testId?: string;
}

/**
 * The one code box. It may scroll, so keyboard users can focus it and scroll with the arrow keys
 * (WCAG 2.1.1), and it is a named region, so screen readers say what it holds.
 */
export function CodeBlock({ label, children, className = '', as: Tag = 'pre', testId }: CodeBlockProps) {
  return (
    <Tag
      className={`code-block ${className}`.trim()}
      role="region"
      aria-label={label}
      tabIndex={0}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      {children}
    </Tag>
  );
}
