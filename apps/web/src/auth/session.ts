import { QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/api-client.ts';
import type { Me } from '../api/types.ts';
import { sessionNotice } from './session-notice.ts';

export const ME_KEY = ['me'] as const;

const isUnauthorised = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * One query client for the app. Any query answered with 401 means the session is gone: forget the user, and
 * the route guard sends the browser back to the login page with an "expired" notice. Mutations are left
 * alone here because a 401 from the login form means wrong credentials, not an expired session.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (!isUnauthorised(error)) return;
        if (client.getQueryData(ME_KEY)) sessionNotice.set('expired');
        client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  return client;
}

/** The logged-in user, or null when there is no session (401 is an answer here, not an error). */
export function useMe() {
  const client = useQueryClient();
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    // Coming back to the tab re-checks the session, so an expired one is noticed before the next click.
    refetchOnWindowFocus: 'always',
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/me');
      } catch (error) {
        if (!isUnauthorised(error)) throw error;
        if (client.getQueryData(ME_KEY)) sessionNotice.set('expired');
        return null;
      }
    },
  });
}

/**
 * Drops every cached answer except the session itself. Not `client.clear()`: that would also drop the `me`
 * query out from under its mounted observers, and the route guard would never hear the session change.
 */
function forgetEverythingButMe(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

export type LoginInput = { login: string; password: string };

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<{ user: Me }>('POST', '/auth/login', input),
    onSuccess: ({ user }) => {
      forgetEverythingButMe(client); // nothing cached for a previous user may leak into this session
      sessionNotice.set(null);
      client.setQueryData(ME_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout', {}),
    // Whatever the server says, the browser forgets the user: a failed logout must not leave them "inside".
    onSettled: () => {
      forgetEverythingButMe(client);
      sessionNotice.set('logged_out');
      client.setQueryData(ME_KEY, null);
    },
  });
}
