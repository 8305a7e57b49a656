import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';

/**
 * The logged-in user as <RequireSession> last saw it. A context rather than the query itself, so that pages
 * below the guard never see the user vanish mid-render (on logout or expiry the guard re-renders first and
 * unmounts them).
 */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser used outside <RequireSession>');
  return me;
}
