import { CLIP_WORDS, type ClipId } from '@layso/shared';
import type { TextKey } from '../i18n/strings.js';
import type { Translate } from '../i18n/use-text.js';

export type VoiceGroup = 'phrases' | 'chimes' | 'digits' | 'numbers' | 'english';

const PHRASES: readonly ClipId[] = ['xin-moi-cong-dan-co-so-thu-tu', 'den-quay-so', 'quay'];

function groupOf(id: ClipId): VoiceGroup {
  if (id.startsWith('en-')) return 'english';
  if (id === 'chime' || id === 'chime-recall') return 'chimes';
  if (id.startsWith('digit-')) return 'digits';
  if (id.startsWith('num-')) return 'numbers';
  return 'phrases';
}

/** A unit clip's order: 1…9, then tens, hundreds, then the special words. */
function numberRank(id: string): number {
  const n = Number(id.replace(/^(en-)?num-/, ''));
  return Number.isFinite(n) ? n : 10_000;
}

/** Every clip the announcements use, in the order an administrator records them (the call's phrases first). */
export function voiceClipGroups(): { group: VoiceGroup; clips: ClipId[] }[] {
  const all = Object.keys(CLIP_WORDS) as ClipId[];
  const order: VoiceGroup[] = ['phrases', 'chimes', 'digits', 'numbers', 'english'];
  return order.map((group) => {
    const clips = all.filter((id) => groupOf(id) === group);
    if (group === 'phrases') clips.sort((a, b) => PHRASES.indexOf(a) - PHRASES.indexOf(b));
    if (group === 'numbers' || group === 'english') clips.sort((a, b) => numberRank(a) - numberRank(b) || a.localeCompare(b));
    return { group, clips };
  });
}

/** What a clip says, as the administrator reads it in the list (and in the audit log). */
export function voiceClipLabel(t: Translate, id: string): string {
  if (id === 'chime') return t('voiceChime');
  if (id === 'chime-recall') return t('voiceChimeRecall');
  const words = (CLIP_WORDS as Record<string, string>)[id];
  if (words === undefined) return id;
  const digit = /^(?:en-)?digit-(\d)$/.exec(id);
  if (digit) return t('voiceDigit', { digit: digit[1]!, words });
  return t('voiceNumber', { words });
}

export function voiceGroupTitle(t: Translate, group: VoiceGroup): string {
  return t(`voiceGroup_${group}` as TextKey);
}
