import { CurrentUserContext } from '../auth/current-user.ts';
import { useMe } from '../auth/session.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { AppLayout } from './app-layout.tsx';
import { PublicLayout } from './public-layout.tsx';

/**
 * For public pages: with a session, the signed-in layout and the user in context (as below <RequireSession>);
 * without one, the slim public layout and no user. Pages read the user from `CurrentUserContext`, which is null here.
 */
export function OptionalSession() {
  const me = useMe();
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PublicLayout />;
  return (
    <CurrentUserContext.Provider value={me.data}>
      <AppLayout />
    </CurrentUserContext.Provider>
  );
}

