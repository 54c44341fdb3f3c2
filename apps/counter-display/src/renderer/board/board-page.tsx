import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { RecentCall } from '@layso/shared';
import { OfflineIndicator } from '../common/offline-indicator.js';
import { StatusScreen } from '../common/status-screen.js';
import { WaitingForHub } from '../common/waiting-for-hub.js';
import { createHubStore } from '../hub/hub-store.js';
import { useHubConnection } from '../hub/use-hub-connection.js';
import type { BoardParams } from '../route.js';
import { UI, unknownAreas } from '../strings.js';
import { areaFilter, areaNames, boardCalls, boardCounters, serviceNames, unknownAreaIds } from './board-filter.js';
import { BoardHeader } from './board-header.js';
import { createBoardVoice } from './board-voice.js';
import { CounterGrid } from './counter-grid.js';
import { createHighlightStore } from './highlight-store.js';
import { NoticeBar } from './notice-bar.js';
import { RecentCalls } from './recent-calls.js';
import { SoundUnlock } from './sound-unlock.js';
import { boardNotice, boardVoiceSettings } from './voice-settings.js';

const CALLS_SHOWN = { landscape: 7, portrait: 6 } as const;

/** The hall TV: every counter of its area(s), the last calls, and the voice. */
export function BoardPage({ params, token }: { params: BoardParams; token: string | null }) {
  const [store] = useState(createHubStore);
  const [highlight] = useState(() => createHighlightStore());
  // The blink follows the voice: the number highlighted is the one being read out.
  const [voice] = useState(() =>
    createBoardVoice({ volume: params.volume, muted: params.muted, onSpeaking: (call) => highlight.getState().noteSpeaking(call) }),
  );
  const inArea = useMemo(() => areaFilter(params.areas), [params.areas]);

  // A board shows and announces only the calls of its own area(s).
  useHubConnection(store, {
    token,
    onCall: (call: RecentCall) => {
      if (!inArea(call.areaId)) return;
      voice.announce(call);
    },
  });

  const hub = useStore(store, (state) => state.hub);
  const status = useStore(store, (state) => state.status);
  const blinking = useStore(highlight, (state) => state.blinking);
  const blinkingCounter = useStore(highlight, (state) => state.blinkingCounter);
  const speaking = useStore(highlight, (state) => state.speaking);
  const announcement = hub?.catalog.announcement;
  // The center's announcement defaults apply live, without reloading the board.
  useEffect(() => {
    voice.configure(boardVoiceSettings(params, announcement));
  }, [voice, params, announcement]);

  if (status === 'unauthorized') return <StatusScreen tone="error">{UI.unauthorized}</StatusScreen>;
  if (!hub) return <WaitingForHub status={status} />;
  const { catalog } = hub;
  const unknown = unknownAreaIds(catalog, params.areas);
  const notice = boardNotice(params, catalog);
  if (unknown.length > 0) return <StatusScreen tone="error">{unknownAreas(unknown)}</StatusScreen>;

  return (
    <div className={`board board-${params.layout}`} data-testid="board" data-offline={status === 'offline' ? 'true' : 'false'}>
      <BoardHeader
        centerName={catalog.center.name}
        areaNames={areaNames(catalog, params.areas)}
        timeZone={catalog.center.timeZone}
        clockOffsetMs={hub.clockOffsetMs}
        alternateTitle={params.alternateTitle}
      />
      <div className="board-body">
        <CounterGrid
          counters={boardCounters(catalog, params.areas)}
          serviceNames={serviceNames(catalog)}
          blinkingCounter={blinkingCounter}
          layout={params.layout}
        />
        <RecentCalls calls={boardCalls(hub.recentCalls, params.areas, CALLS_SHOWN[params.layout])} blinking={blinking} speaking={speaking} />
      </div>
      {notice !== null && <NoticeBar text={notice} />}
      <OfflineIndicator status={status} />
      <SoundUnlock voice={voice} muted={params.muted} />
    </div>
  );
}
