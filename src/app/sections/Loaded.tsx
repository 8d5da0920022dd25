import type { ReactNode } from 'react';
import { Callout } from '../../ui/Callout.tsx';
import { type Chunk, useChunk } from './chunks.ts';

interface LoadedProps<T> {
  chunk: Chunk<T>;
  children: (views: T) => ReactNode;
  /** What shows while it loads (default nothing: most chunks are preloaded and arrive at once). */
  loading?: ReactNode;
}

/** Renders a chunk's views once loaded; a chunk that cannot load says so and what to do. */
export function Loaded<T>({ chunk, children, loading = null }: LoadedProps<T>) {
  const state = useChunk(chunk);
  if (state.kind === 'ready') return children(state.views);
  if (state.kind === 'loading') return loading;
  return (
    <Callout
      role="alert"
      explanation={{
        kind: 'views-not-loaded',
        tone: 'bad',
        title: state.message,
        next: 'Check the network, then reload the page.',
      }}
    />
  );
}
