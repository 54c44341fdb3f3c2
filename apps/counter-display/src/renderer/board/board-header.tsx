import { CenterClock } from '../time/center-clock.js';
import { s } from '../strings.js';

interface BoardHeaderProps {
  centerName: string;
  areaNames: readonly string[];
  timeZone: string;
  clockOffsetMs: number;
}

export function BoardHeader({ centerName, areaNames, timeZone, clockOffsetMs }: BoardHeaderProps) {
  return (
    <header className="board-header">
      <div className="board-center">
        <span className="board-center-name">{centerName}</span>
        {areaNames.length > 0 && <span className="board-areas">{areaNames.join(' · ')}</span>}
      </div>
      <CenterClock className="board-clock" timeZone={timeZone} clockOffsetMs={clockOffsetMs} />
      <h1 className="board-title">{s('boardTitle')}</h1>
    </header>
  );
}
