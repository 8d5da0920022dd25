import { useCallback, useEffect, useRef, useState } from 'react';
import { type OutgoingRequest, type SendResult, send } from './send.ts';

interface SendRequestOptions {
  fetch?: typeof fetch | undefined;
  timeoutMs?: number | undefined;
}

/** One request at a time: in-flight state, cancel via AbortController, and abort on unmount. */
export function useSendRequest({ fetch, timeoutMs = 30_000 }: SendRequestOptions = {}) {
  const controller = useRef<AbortController | null>(null);
  const [inFlight, setInFlight] = useState(false);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (request: OutgoingRequest): Promise<SendResult> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setInFlight(true);
      try {
        return await send(request, { signal: current.signal, timeoutMs, ...(fetch ? { fetch } : {}) });
      } finally {
        if (controller.current === current) {
          controller.current = null;
          setInFlight(false);
        }
      }
    },
    [fetch, timeoutMs],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { inFlight, run, cancel };
}
