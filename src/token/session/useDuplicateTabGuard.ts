import { useEffect, useState } from 'react';

const TAB_KEY = 'abrumet.tab';
const CHANNEL = 'abrumet-tabs';

type Message = { type: 'hello' | 'mine'; tab: string };

/**
 * Tokens stay per tab (sessionStorage), but a duplicated tab, or one opened with window.open,
 * starts with a copy of the opener's storage, refresh token included. Two tabs presenting one
 * rotating refresh token end the session for both, so the copy detects itself (another live tab
 * answers to the same tab id) and calls `onDuplicate` to drop its copied tokens.
 */
export function useDuplicateTabGuard(onDuplicate: () => void): boolean {
  const [duplicated, setDuplicated] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const newId = () => {
      const id = crypto.randomUUID();
      sessionStorage.setItem(TAB_KEY, id);
      return id;
    };
    let tab = sessionStorage.getItem(TAB_KEY) ?? newId();
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.tab !== tab) return;
      if (data.type === 'hello') channel.postMessage({ type: 'mine', tab } satisfies Message);
      else {
        tab = newId();
        setDuplicated(true);
        onDuplicate();
      }
    };
    channel.postMessage({ type: 'hello', tab } satisfies Message);
    return () => channel.close();
  }, [onDuplicate]);
  return duplicated;
}
