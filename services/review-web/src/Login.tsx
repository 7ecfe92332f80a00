import { useState, type FormEvent } from 'react';
import { api, ApiError } from './api.js';
import { saveSession, type Session } from './session.js';
import type { Role } from './types.js';

export function Login({ onLogin }: { onLogin: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const me = await api<{ name: string; role: Role | 'publisher' }>('/v1/me', { token: token.trim() });
      if (me.role === 'publisher') {
        // a publisher may read only the public outputs, through the API: nothing here is for that role
        setError('Deze toegangscode heeft de rol publicatie: die haalt alleen de openbare bestanden op via de API, en kan hier niet beoordelen.');
        return;
      }
      const session = { token: token.trim(), role: me.role, name: me.name };
      saveSession(session);
      onLogin(session);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'Deze toegangscode is ongeldig, verlopen of ingetrokken.' : (err as Error).message);
    }
  };
  return (
    <form className="utrecht-form login" onSubmit={submit}>
      <h1 className="utrecht-heading-1">Inloggen</h1>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="token">
          Toegangscode
        </label>
        <input
          id="token"
          className="utrecht-textbox"
          type="password"
          autoComplete="off"
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={error ? 'login-error' : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error && (
        <p id="login-error" className="utrecht-form-field-error-message" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="utrecht-button utrecht-button--primary-action">
        Inloggen
      </button>
    </form>
  );
}
