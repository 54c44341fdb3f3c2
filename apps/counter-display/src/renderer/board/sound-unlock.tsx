import { useEffect, useState } from 'react';
import { UI } from '../strings.js';
import { isAudioBlocked, type BoardVoice } from './board-voice.js';

/**
 * A plain browser keeps audio off until someone clicks the page; the board then shows
 * one "Bật âm thanh" button, gone after the first click. The Electron shell allows
 * autoplay, so it never appears there; a muted board does not need it.
 */
export function SoundUnlock({ voice, muted }: { voice: BoardVoice; muted: boolean }) {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    if (muted) return;
    let live = true;
    void isAudioBlocked().then((value) => {
      if (live) setBlocked(value);
    });
    return () => {
      live = false;
    };
  }, [muted]);
  if (!blocked) return null;
  return (
    <button
      type="button"
      className="sound-unlock"
      data-testid="sound-unlock"
      onClick={() => {
        setBlocked(false);
        void voice.unlock();
      }}
    >
      {UI.enableSound}
    </button>
  );
}
