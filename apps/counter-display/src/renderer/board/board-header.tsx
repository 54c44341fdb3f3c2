import { useEffect, useState } from 'react';
import { t } from '@layso/shared';
import { CenterClock } from '../time/center-clock.js';
import { s, uiLanguage } from '../strings.js';

/** How long each language of an alternating title stays up. */
export const TITLE_ALTERNATE_MS = 8_000;

interface BoardHeaderProps {
  centerName: string;
  areaNames: readonly string[];
  timeZone: string;
  clockOffsetMs: number;
  alternateTitle?: boolean;
}

export function BoardHeader({ centerName, areaNames, timeZone, clockOffsetMs, alternateTitle = false }: BoardHeaderProps) {
  return (
    <header className="board-header">
      <div className="board-center">
        <span className="board-center-name">{centerName}</span>
        {areaNames.length > 0 && <span className="board-areas">{areaNames.join(' · ')}</span>}
      </div>
      <CenterClock className="board-clock" timeZone={timeZone} clockOffsetMs={clockOffsetMs} />
      {alternateTitle ? <AlternatingTitle /> : <h1 className="board-title">{s('boardTitle')}</h1>}
    </header>
  );
}

/** "MỜI CÔNG DÂN ĐẾN QUẦY" and "NOW CALLING" in turn, starting with the page's language. */
function AlternatingTitle() {
  const [flipped, setFlipped] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setFlipped((f) => !f), TITLE_ALTERNATE_MS);
    return () => clearInterval(timer);
  }, []);
  const first = uiLanguage();
  const language = flipped ? (first === 'vi' ? 'en' : 'vi') : first;
  return (
    <h1 className="board-title" lang={language} data-testid="board-title">
      {t(language, 'boardTitle')}
    </h1>
  );
}
