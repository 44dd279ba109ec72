import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FlowStore } from './flow-store';
import type { FlowState } from './types';

export const StoreContext = createContext<FlowStore | null>(null);

export function FlowProvider({ store, children }: { store: FlowStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useFlowStore(): FlowStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('FlowProvider is missing');
  return store;
}

export function useFlow<T>(selector: (s: FlowState) => T): T {
  return useStore(useFlowStore(), selector);
}
