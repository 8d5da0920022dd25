import { createContext, useContext } from 'react';
import type { EnvironmentConfig } from './types.ts';

export interface EnvironmentSwitch {
  environments: readonly EnvironmentConfig[];
  current: EnvironmentConfig;
  /** Shows another realm in this tab; the realm left keeps its own sign-in. */
  switchTo(id: string): void;
}

export const EnvironmentSwitchContext = createContext<EnvironmentSwitch | null>(null);

/** The environment list and switch that App provides; throws outside it rather than doing nothing. */
export function useEnvironmentSwitch(): EnvironmentSwitch {
  const value = useContext(EnvironmentSwitchContext);
  if (!value) throw new Error('useEnvironmentSwitch must be used inside <App> (EnvironmentSwitchContext)');
  return value;
}
