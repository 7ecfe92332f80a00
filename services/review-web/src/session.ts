import type { Role } from './types.js';

/** The token lives in sessionStorage only: gone when the tab closes, never in a cookie. */
const KEY = 'woo-review-session';

export interface Session {
  token: string;
  role: Role;
  name: string;
}

export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
