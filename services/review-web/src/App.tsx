import { useEffect, useState } from 'react';
import { onUnauthorized } from './api.js';
import { BatchPage } from './BatchPage.js';
import { DocumentPage } from './DocumentPage.js';
import { announce, LiveRegion } from './live.js';
import { Login } from './Login.js';
import { Overview } from './Overview.js';
import { warmUpPdf } from './pdf.js';
import { useRoute } from './route.js';
import { clearSession, loadSession, type Session } from './session.js';

export function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const route = useRoute();
  useEffect(() => {
    onUnauthorized(() => {
      setSession(undefined);
      announce('U bent afgemeld: de toegangscode is niet (meer) geldig.');
    });
  }, []);
  useEffect(() => {
    if (session) warmUpPdf();
  }, [session]);
  const logout = () => {
    clearSession();
    setSession(undefined);
  };
  return (
    <div className="utrecht-page app">
      <header className="utrecht-page-header app-header">
        <a className="utrecht-link" href="#/">
          Woo-lakken
        </a>
        {session && (
          <span className="who">
            {session.name} ({session.role === 'coordinator' ? 'coördinator' : session.role === 'reviewer' ? 'beoordelaar' : 'beheerder'})
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={logout}>
              Uitloggen
            </button>
          </span>
        )}
      </header>
      <main className="utrecht-page-content" id="inhoud">
        {!session ? (
          <Login onLogin={setSession} />
        ) : route.page === 'batch' ? (
          <BatchPage id={route.id} session={session} />
        ) : route.page === 'document' ? (
          <DocumentPage key={route.id} id={route.id} session={session} />
        ) : (
          <Overview />
        )}
      </main>
      <LiveRegion />
    </div>
  );
}
