import type { Me } from '../api/types.ts';
import { useMe } from './session.ts';

/** The logged-in user, for components rendered behind <RequireSession> (which guarantees there is one). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside <RequireSession>');
  return data;
}
