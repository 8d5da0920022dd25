import { useEffect, useState } from 'react';

interface DownloadLinkProps {
  blob: Blob;
  filename: string;
  label?: string;
}

/** A download of the body as received, through a Blob URL revoked when the view goes away. */
export function DownloadLink({ blob, filename, label = 'Download' }: DownloadLinkProps) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return; // jsdom has no Blob URLs
    const url = URL.createObjectURL(blob);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  if (!href) return null;
  return (
    <a className="button button--quiet small" href={href} download={filename}>
      {label}
    </a>
  );
}
