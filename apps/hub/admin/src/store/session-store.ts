/**
 * The signed-in admin and the console language, kept in localStorage so a reload
 * keeps both. The hub decides when a session ends; the console only forgets it when
 * told (401) or when `expiresAt` has passed.
 */
import { create } from 'zustand';
import type { AdminSessionUser, AdminSignInResponse } from '@layso/shared';

export type ConsoleLanguage = 'vi' | 'en';
export type SignInNotice = 'expired' | 'signed-out' | null;

export interface AdminSession {
  token: string;
  expiresAt: string;
  user: AdminSessionUser;
}

interface SessionState {
  session: AdminSession | null;
  language: ConsoleLanguage;
  notice: SignInNotice;
  signedIn(response: AdminSignInResponse): void;
  passwordChanged(): void;
  /** The hub no longer knows the token: back to sign-in with a message. */
  expired(): void;
  signedOut(): void;
  mustChangePassword(): void;
  setLanguage(language: ConsoleLanguage): void;
}

const SESSION_KEY = 'layso.admin.session';
const LANGUAGE_KEY = 'layso.admin.language';

function load(): AdminSession | null {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as AdminSession | null;
    if (!session || typeof session.token !== 'string') return null;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function save(session: AdminSession | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

export const useSession = create<SessionState>((set, get) => ({
  session: load(),
  language: localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi',
  notice: null,
  signedIn(response) {
    const session = { token: response.token, expiresAt: response.expiresAt, user: response.user };
    save(session);
    set({ session, notice: null });
  },
  passwordChanged() {
    const session = get().session;
    if (!session) return;
    const next = { ...session, user: { ...session.user, mustChangePassword: false } };
    save(next);
    set({ session: next });
  },
  expired() {
    if (!get().session) return;
    save(null);
    set({ session: null, notice: 'expired' });
  },
  signedOut() {
    save(null);
    set({ session: null, notice: 'signed-out' });
  },
  mustChangePassword() {
    const session = get().session;
    if (!session || session.user.mustChangePassword) return;
    const next = { ...session, user: { ...session.user, mustChangePassword: true } };
    save(next);
    set({ session: next });
  },
  setLanguage(language) {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
    set({ language });
  },
}));
