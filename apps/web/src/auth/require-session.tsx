import { Navigate, Outlet, useLocation } from 'react-router';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { CurrentUserContext } from './current-user.ts';
import { useMe } from './session.ts';

/** Renders its child routes only with a session; otherwise back to the login page, remembering where to return. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <CurrentUserContext.Provider value={me.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}
