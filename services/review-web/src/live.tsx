import { useEffect, useState } from 'react';

let speak: (text: string) => void = () => {};

/** Tells screen-reader users (and everyone, in the status line) what just happened. */
export function announce(text: string): void {
  speak(text);
}

/** The one live region of the app. */
export function LiveRegion() {
  const [text, setText] = useState('');
  useEffect(() => {
    speak = setText;
    return () => {
      speak = () => {};
    };
  }, []);
  return (
    <p className="live utrecht-paragraph" role="status" aria-live="polite">
      {text}
    </p>
  );
}
