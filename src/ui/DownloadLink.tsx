import { useEffect, useState } from 'react';

interface DownloadLinkProps {
  blob: Blob;
  filename: string;
  label?: string;
  title?: string;
  /** Set beside small text; beside buttons it has theirs. */
  small?: boolean;
}

/** A download of a Blob through a Blob URL, revoked when the link goes away or the Blob changes. */
export function DownloadLink({
  blob,
  filename,
  label = 'Download',
  title,
  small = false,
}: DownloadLinkProps) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return; // jsdom has no Blob URLs
    const url = URL.createObjectURL(blob);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  if (!href) return null;
  return (
    <a
      className={small ? 'button button--quiet small' : 'button'}
      href={href}
      download={filename}
      title={title}
    >
      {label}
    </a>
  );
}
