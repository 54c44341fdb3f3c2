import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { buildCallAnnouncement, formatDateTime, formatNumber, voiceClipPath, voiceManifestSchema, voiceTakeRefusal, type VoiceClip } from '@layso/shared';
import { Announcer, WebAudioBackend } from '@layso/shared/voice';
import { HubApiError } from '@layso/ui';
import { useApi } from '../api/use-api.js';
import { useAction, useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import type { Translate } from '../i18n/use-text.js';
import { useText } from '../i18n/use-text.js';
import { voiceClipGroups, voiceClipLabel, voiceGroupTitle } from '../logic/voice-clips.js';
import { useSession } from '../store/session-store.js';
import { useTimeZone } from '../store/live-store.js';
import { canRecord, playWav, startRecording, takeFromAudio, TakeError, toBase64, type Recording, type Take } from '../voice/take.js';

/** Where the shipped clips are: the counter display's build, which the hub serves at /counter/. */
const SHIPPED_CLIPS_BASE = '/counter/';

/** A failed take as the banner words it: a refused take in the same sentences as the hub's refusals. */
function takeError(t: Translate, error: unknown): { error: unknown } | { notice: string } {
  if (!(error instanceof TakeError)) return { error };
  const { failure } = error;
  if (failure.kind === 'refused') return { error: new HubApiError('VALIDATION', 400, failure.error.message, undefined, voiceTakeRefusal(failure.error.problem)) };
  return { notice: t(failure.kind === 'no-microphone' ? 'voiceNoMicrophone' : 'voiceCannotDecode') };
}

function seconds(ms: number, language: 'vi' | 'en'): string {
  return formatNumber(ms / 1000, language, 1);
}

type Step = { kind: 'idle' } | { kind: 'recording'; recording: Recording } | { kind: 'review'; take: Take };

/**
 * "Giọng đọc": every clip the announcements use, with the voice each plays in now; the
 * administrator records a clip in the browser (record, hear the trimmed take, keep or
 * redo) or uploads a file, and plays a whole sample call as a board would chain it.
 */
export function VoicePage() {
  const t = useText();
  const api = useApi();
  const manifest = useResource(() => api.get('/api/voice', voiceManifestSchema), [api]);
  const recorded = useMemo(() => new Map((manifest.data?.clips ?? []).map((clip) => [clip.id, clip])), [manifest.data]);
  const player = useVoicePlayer(manifest.data?.clips ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  return (
    <div className="page" data-testid="page-voice">
      <div className="page-head">
        <h1>{t('voiceTitle')}</h1>
      </div>
      <p className="muted">{t('voiceHint')}</p>
      {!canRecord() && <p className="banner banner-info" data-testid="voice-needs-https">{t('voiceNeedsHttps')}</p>}
      <SampleCall player={player} />
      <ErrorBanner error={manifest.error ?? action.error} />
      <SuccessBanner message={action.done} />
      {voiceClipGroups().map(({ group, clips }) => (
        <section key={group} aria-labelledby={`voice-group-${group}`}>
          <h2 id={`voice-group-${group}`}>{voiceGroupTitle(t, group)}</h2>
          <table className="table voice-table">
            <colgroup>
              <col className="voice-col-clip" />
              <col className="voice-col-voice" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('voiceColClip')}</th>
                <th scope="col">{t('voiceColVoice')}</th>
                <th scope="col">{t('voiceColActions')}</th>
              </tr>
            </thead>
            <tbody>
              {clips.map((id) => (
                <ClipRow
                  key={id}
                  id={id}
                  clip={recorded.get(id) ?? null}
                  editing={editing === id}
                  onEdit={(on) => setEditing(on ? id : null)}
                  onListen={() => void player.playClip(id)}
                  onSaved={async (message) => {
                    setEditing(null);
                    await manifest.reload();
                    action.setDone(message);
                  }}
                  onRevert={() =>
                    void action.run(async () => {
                      await api.delete(`/api/admin/voice/clips/${id}`);
                      await manifest.reload();
                      return t('voiceReverted', { clip: voiceClipLabel(t, id) });
                    })
                  }
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

interface VoicePlayer {
  playClip(id: string): Promise<void>;
  playCall(ticket: string, counter: number): Promise<void>;
}

/** One Web Audio player for the page, on the center's recordings where there are any: what a board plays. */
function useVoicePlayer(clips: readonly VoiceClip[] | null): VoicePlayer {
  const backend = useRef<WebAudioBackend | null>(null);
  const announcer = useRef<Announcer | null>(null);
  backend.current ??= new WebAudioBackend({ baseUrl: SHIPPED_CLIPS_BASE });
  announcer.current ??= new Announcer({ backend: backend.current });
  useEffect(() => {
    if (clips) backend.current!.useCenterClips(new Map(clips.map((clip) => [clip.id, voiceClipPath(clip)])));
  }, [clips]);
  return useMemo(
    () => ({
      playClip: (id) => backend.current!.play(id).catch(() => undefined),
      playCall: (ticket, counter) => announcer.current!.announce(buildCallAnnouncement({ number: ticket, counter, language: 'vi' })).catch(() => undefined),
    }),
    [],
  );
}

function SampleCall({ player }: { player: VoicePlayer }) {
  const t = useText();
  const [ticket, setTicket] = useState('86002');
  const [counter, setCounter] = useState('86');
  const valid = /^\d{5}$/.test(ticket) && /^\d{1,3}$/.test(counter) && Number(counter) >= 1;
  return (
    <section className="card" aria-labelledby="voice-sample-title">
      <h2 id="voice-sample-title">{t('voiceSampleTitle')}</h2>
      <div className="row-actions">
        <label>
          {t('voiceSampleTicket')} <input value={ticket} inputMode="numeric" maxLength={5} onChange={(e) => setTicket(e.target.value.trim())} />
        </label>
        <label>
          {t('voiceSampleCounter')} <input value={counter} inputMode="numeric" maxLength={3} onChange={(e) => setCounter(e.target.value.trim())} />
        </label>
        <button type="button" className="primary" disabled={!valid} onClick={() => void player.playCall(ticket, Number(counter))} data-testid="voice-sample-play">
          {t('voiceSamplePlay')}
        </button>
      </div>
      {!valid && <p className="muted">{t('voiceSampleBad')}</p>}
    </section>
  );
}

interface ClipRowProps {
  id: string;
  clip: VoiceClip | null;
  editing: boolean;
  onEdit(on: boolean): void;
  onListen(): void;
  onSaved(message: string): Promise<void>;
  onRevert(): void;
}

function ClipRow({ id, clip, editing, onEdit, onListen, onSaved, onRevert }: ClipRowProps) {
  const t = useText();
  const language = useSession((s) => s.language);
  const timeZone = useTimeZone();
  const label = voiceClipLabel(t, id);
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <tr data-testid={`voice-clip-${id}`} data-recorded={clip ? 'true' : 'false'}>
        <th scope="row">{label}</th>
        <td>{clip ? t('voiceCenter', { seconds: seconds(clip.durationMs, language), at: formatDateTime(clip.recordedAt, timeZone) }) : <span className="muted">{t('voiceDefault')}</span>}</td>
        <td className="row-actions">
          <button type="button" onClick={onListen} data-testid={`voice-listen-${id}`}>
            {t('voiceListen')}
          </button>
          {canRecord() && (
            <button type="button" onClick={() => onEdit(true)} disabled={editing} data-testid={`voice-record-${id}`}>
              {t('voiceRecord')}
            </button>
          )}
          <button type="button" onClick={() => file.current?.click()} disabled={editing} data-testid={`voice-upload-${id}`}>
            {t('voiceUpload')}
          </button>
          <input ref={file} type="file" accept="audio/*,.wav,.mp3,.ogg" hidden aria-label={`${t('voiceUpload')}: ${label}`} data-testid={`voice-file-${id}`} onChange={() => onEdit(true)} />
          {clip && (
            <ConfirmButton question={t('voiceRevertConfirm', { clip: label })} onConfirm={onRevert} testId={`voice-revert-${id}`}>
              {t('voiceRevert')}
            </ConfirmButton>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={3}>
            <TakeEditor id={id} label={label} fileInput={file} onDone={onSaved} onCancel={() => onEdit(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Record (or read the chosen file), hear the trimmed take, keep it or do it again. */
function TakeEditor({ id, label, fileInput, onDone, onCancel }: { id: string; label: string; fileInput: RefObject<HTMLInputElement | null>; onDone(message: string): Promise<void>; onCancel(): void }) {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failed, setFailed] = useState<{ error: unknown } | { notice: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef<Recording | null>(null);
  const fail = (failure: unknown) => setFailed(takeError(t, failure));

  const begin = async () => {
    setFailed(null);
    try {
      live.current = await startRecording();
      setStep({ kind: 'recording', recording: live.current });
    } catch (failure) {
      fail(failure);
    }
  };
  // A chosen file goes straight to review; otherwise recording starts at once.
  useEffect(() => {
    const chosen = fileInput.current?.files?.[0];
    if (chosen) {
      fileInput.current!.value = '';
      void chosen.arrayBuffer().then(takeFromAudio).then((take) => setStep({ kind: 'review', take }), fail);
    } else void begin();
    // Closing the editor mid-take lets go of the microphone.
    return () => live.current?.cancel();
    // Once, when the editor opens.
  }, []);

  const stop = async (recording: Recording) => {
    setBusy(true);
    live.current = null;
    try {
      setStep({ kind: 'review', take: await recording.stop() });
    } catch (failure) {
      setStep({ kind: 'idle' });
      fail(failure);
    } finally {
      setBusy(false);
    }
  };
  const keep = async (take: Take) => {
    setBusy(true);
    setFailed(null);
    try {
      await api.put(`/api/admin/voice/clips/${id}`, { wavBase64: toBase64(take.wav) });
      await onDone(t('voiceSaved', { clip: label }));
    } catch (failure) {
      setFailed({ error: failure });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" data-testid="voice-take" data-step={step.kind}>
      {step.kind === 'recording' && (
        <>
          <p role="status">{t('voiceRecording', { words: label })}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void stop(step.recording)} data-testid="voice-stop">
            {t('voiceStop')}
          </button>
        </>
      )}
      {step.kind === 'review' && (
        <>
          <p role="status">{t('voiceReview', { seconds: seconds(step.take.durationMs, language) })}</p>
          <div className="row-actions">
            <button type="button" onClick={() => void playWav(step.take.wav).catch(() => undefined)} data-testid="voice-play-take">
              {t('voicePlayTake')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void keep(step.take)} data-testid="voice-keep">
              {t('voiceKeep')}
            </button>
            {canRecord() && (
              <button type="button" disabled={busy} onClick={() => void begin()} data-testid="voice-redo">
                {t('voiceRedo')}
              </button>
            )}
          </div>
        </>
      )}
      {failed && 'error' in failed && <ErrorBanner error={failed.error} />}
      {failed && 'notice' in failed && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          {failed.notice}
        </div>
      )}
      {step.kind === 'idle' && failed && canRecord() && (
        <button type="button" onClick={() => void begin()} data-testid="voice-redo">
          {t('voiceRedo')}
        </button>
      )}
      <button type="button" onClick={onCancel} data-testid="voice-cancel">
        {t('voiceCancel')}
      </button>
    </div>
  );
}
