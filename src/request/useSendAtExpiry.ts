import { useEffect, useEffectEvent, useState } from 'react';

/** setTimeout fires at once beyond this (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * "Send when it expires": one send, armed for a moment in local time (the current token's `exp`
 * in server time, converted with the skew), fired once and then forgotten. Disarmed by the user,
 * or when the pane goes away.
 */
export function useSendAtExpiry(fire: () => void, now: () => number) {
  const [armedAt, setArmedAt] = useState<number | null>(null);
  const onTime = useEffectEvent(() => {
    setArmedAt(null);
    fire();
  });
  useEffect(() => {
    if (armedAt === null) return;
    const delay = Math.max(0, armedAt - now());
    if (delay > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(onTime, delay);
    return () => clearTimeout(timer);
  }, [armedAt, now]);
  return { armedAt, arm: setArmedAt, disarm: () => setArmedAt(null) };
}
