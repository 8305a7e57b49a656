// Why the user is on the login page: the session ran out, or they logged out. The shell sets it, the login
// page shows it once. A tiny external store so that code outside React (the query cache) can set it.

export type SessionNotice = 'expired' | 'logged_out' | null;

let current: SessionNotice = null;
const listeners = new Set<() => void>();

export const sessionNotice = {
  get: (): SessionNotice => current,
  set(next: SessionNotice): void {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
