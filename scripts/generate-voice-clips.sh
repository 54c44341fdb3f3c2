#!/usr/bin/env bash
# Generates the voice announcement clips the counter display plays:
# one Ogg Vorbis file per clip id of CLIP_WORDS (packages/shared/src/announcement.ts),
# into apps/counter-display/public/voice/<language>/<clip-id>.ogg.
#
#   scripts/generate-voice-clips.sh            # all clips
#   OUT_DIR=/tmp/voice scripts/generate-voice-clips.sh
#
# Speech comes from espeak-ng (offline, installed on every dev machine here) so the
# default set can be regenerated at any time; a center that wants a human voice
# records its own files instead (apps/counter-display/src/voice/README.md).
# sox -R (repeatable: fixed dither seed) makes reruns byte-identical, so a regeneration
# only shows up in git where a clip really changed.
# Ogg Vorbis, 22.05 kHz mono: Chromium's decodeAudioData plays it and a short word
# is a few kilobytes, so the whole set ships inside the app.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT_DIR="${OUT_DIR:-apps/counter-display/public/voice}"
RATE=22050
# Vorbis quality (sox -C): 2 is ~50 kbit/s for this speech, clean enough for speakers
# in a hall, and keeps the set small.
QUALITY=2
# Slower than espeak's default 175 words/min: many listeners are elderly (seed 004).
SPEED=145

for tool in espeak-ng sox bc npx; do
  command -v "$tool" >/dev/null || { echo "generate-voice-clips: $tool is not installed" >&2; exit 1; }
done
sox -h 2>/dev/null | grep -q ' vorbis' || { echo "generate-voice-clips: this sox cannot write Ogg Vorbis" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The clip table is the single source of truth: "<language>\t<clip-id>\t<words>" lines.
npx --no-install tsx --eval "
  import { CLIP_WORDS, clipLanguage } from './packages/shared/src/announcement.ts';
  for (const [id, words] of Object.entries(CLIP_WORDS)) console.log([clipLanguage(id as never), id, words].join('\t'));
" >"$work/manifest.tsv" 2>"$work/tsx.err" || { cat "$work/tsx.err" >&2; exit 1; }
[ -s "$work/manifest.tsv" ] || { echo "generate-voice-clips: empty clip table" >&2; exit 1; }

# Silence after a clip, in seconds. Clips are trimmed to the speech itself, so this
# is the only pause the listener hears: ticket digits get a clear gap because they
# are read one by one; parts of a number flow together like one word.
pause_after() {
  case "$1" in
    chime | chime-recall) echo 0.30 ;;
    digit-* | en-digit-*) echo 0.15 ;;
    num-* | en-num-*) echo 0.02 ;;
    *) echo 0.08 ;;
  esac
}

# A struck-bell tone: fundamental plus octave, fast attack, long decay.
tone() { # <file> <frequency Hz> <seconds>
  sox -R -n -r "$RATE" -c 1 "$1" synth "$3" sine "$2" synth "$3" sine mix "$(echo "$2 * 2" | bc -l)" \
    fade l 0.005 "$3" "$(echo "$3 - 0.01" | bc -l)"
}

make_chime() { # <clip-id> <wav out>
  case "$1" in
    chime) # ding-dong: E5 then C5
      tone "$work/t1.wav" 659.25 0.55
      tone "$work/t2.wav" 523.25 0.95
      sox -R "$work/t1.wav" "$work/t2.wav" "$2"
      ;;
    chime-recall) # a different, three-tone rising chime, so a recall is recognisable
      tone "$work/t1.wav" 523.25 0.35
      tone "$work/t2.wav" 659.25 0.35
      tone "$work/t3.wav" 783.99 0.9
      sox -R "$work/t1.wav" "$work/t2.wav" "$work/t3.wav" "$2"
      ;;
    *) echo "generate-voice-clips: no recipe for chime $1" >&2; exit 1 ;;
  esac
}

count=0
while IFS=$'\t' read -r lang id words; do
  mkdir -p "$OUT_DIR/$lang"
  raw="$work/$id.raw.wav"
  if [ -z "$words" ]; then
    make_chime "$id" "$raw"
    gain=-4 # the chime announces the voice; it should not be louder than it
  else
    voice=vi
    [ "$lang" = en ] && voice=en-us
    espeak-ng -v "$voice" -s "$SPEED" -w "$raw" -- "$words"
    gain=-1
  fi
  # silence…reverse…silence…reverse trims both ends; then a fixed pause, the
  # common sample rate, peak normalisation and Vorbis encoding.
  sox -R "$raw" -r "$RATE" -c 1 -C "$QUALITY" "$OUT_DIR/$lang/$id.ogg" \
    silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse \
    norm "$gain" pad 0 "$(pause_after "$id")"
  count=$((count + 1))
done <"$work/manifest.tsv"

# A clip id removed from CLIP_WORDS must not leave its old file behind.
for file in "$OUT_DIR"/vi/*.ogg "$OUT_DIR"/en/*.ogg; do
  [ -e "$file" ] || continue
  lang="$(basename "$(dirname "$file")")"
  id="$(basename "$file" .ogg)"
  if ! grep -q "^$lang"$'\t'"$id"$'\t' "$work/manifest.tsv"; then
    echo "generate-voice-clips: removing stale $file"
    rm -f -- "$file"
  fi
done

total=$(du -cb "$OUT_DIR"/*/*.ogg | tail -1 | cut -f1)
echo "generate-voice-clips: $count clips in $OUT_DIR, $total bytes"
