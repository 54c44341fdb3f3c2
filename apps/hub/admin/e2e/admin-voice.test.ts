/**
 * The "Giọng đọc" page for real: Chromium's fake microphone plays espeak-ng saying
 * "đến quầy số" (with silence around it), the administrator records it through the
 * page, hears it, keeps it; the hub stores it trimmed and levelled, and a hall board
 * then fetches and decodes the center's clip (its length matches, it is not silence)
 * while clips nobody recorded still come from the shipped set.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { voiceManifestSchema } from '@layso/shared';
import { clipLevels, durationMs, encodeWav, fromFloat, parseWav } from '@layso/shared/voice';
import { openPage } from '@layso/hub/testing';
import { createAdminUser, goTo, openAdmin, requireAdminBuild, WAIT_MS } from './support.js';
import { useHubAndBrowser } from '@layso/hub/testing';

const BOARD_INDEX = fileURLToPath(new URL('../../../counter-display/dist/index.html', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'layso-voice-e2e-'));
const MICROPHONE = join(folder, 'den-quay-so.wav');
// What the administrator "says" into the fake microphone: 0,4 s of silence, the phrase, 0,4 s of silence (looped by Chromium).
execFileSync('espeak-ng', ['-v', 'vi', '-w', join(folder, 'raw.wav'), 'đến quầy số']);
execFileSync('sox', [join(folder, 'raw.wav'), '-r', '48000', '-c', '1', '-b', '16', MICROPHONE, 'pad', '0.4', '0.4']);

const env = useHubAndBrowser({
  requireBuilt: () => {
    requireAdminBuild();
    if (!existsSync(BOARD_INDEX)) throw new Error('apps/counter-display/dist is missing: run pnpm build:web first');
  },
  prepareHub: (hub) => createAdminUser(hub),
  browserArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${MICROPHONE}`],
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface DecodedClip {
  url: string;
  durationS: number;
  peak: number;
}

describe('admin console: the center voice', () => {
  it('records a clip through the microphone, and a hall board plays the center recording', async () => {
    const { page, errors } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'voice');
    const row = page.getByTestId('voice-clip-den-quay-so');
    expect(await row.getAttribute('data-recorded')).toBe('false');
    await expect(row.textContent()).resolves.toContain('Giọng mặc định');

    await page.getByTestId('voice-record-den-quay-so').click();
    await page.locator('[data-testid=voice-take][data-step=recording]').waitFor();
    await page.waitForTimeout(1_700); // the phrase is said once in the first 1,5 s of the loop
    await page.getByTestId('voice-stop').click();
    const review = page.locator('[data-testid=voice-take][data-step=review]');
    await review.waitFor();
    expect(await review.textContent()).toMatch(/Bản ghi \(\d+,\d giây sau khi cắt khoảng lặng\)/);
    await page.getByTestId('voice-play-take').click();
    await page.getByTestId('voice-keep').click();
    await page.getByTestId('success-banner').filter({ hasText: 'Đã lưu giọng đọc cho «đến quầy số»' }).waitFor();
    await page.locator('[data-testid=voice-clip-den-quay-so][data-recorded=true]').waitFor();
    expect(await row.textContent()).toMatch(/Giọng của trung tâm · \d+,\d giây · ghi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // The hub kept it trimmed (the 0,4 s silences are gone) and levelled, not silence.
    const manifest = voiceManifestSchema.parse(await (await fetch(`${env.hub.url}/api/voice`)).json());
    const stored = manifest.clips.find((clip) => clip.id === 'den-quay-so')!;
    expect(stored).toBeDefined();
    const wav = parseWav(new Uint8Array(await (await fetch(`${env.hub.url}/api/voice/clips/den-quay-so.wav?v=${stored.version}`)).arrayBuffer()));
    expect(durationMs(wav)).toBe(stored.durationMs);
    expect(stored.durationMs).toBeGreaterThan(600);
    expect(stored.durationMs).toBeLessThan(1_700);
    expect(clipLevels(wav).speechRmsDb).toBeGreaterThan(-22);

    // A sample call chains the clips exactly as a board would.
    await page.getByTestId('voice-sample-play').click();
    await page.waitForFunction(() => ((window as unknown as { __laysoAnnouncements?: unknown[] }).__laysoAnnouncements ?? []).length > 0, undefined, { timeout: WAIT_MS });
    const sample = (await page.evaluate(() => (window as unknown as { __laysoAnnouncements: { clips: string[] }[] }).__laysoAnnouncements[0]!.clips)) as string[];
    expect(sample).toEqual(['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'digit-8', 'digit-6', 'digit-0', 'digit-0', 'digit-2', 'den-quay-so', 'num-80', 'num-6']);

    // A hall board loads the center's clip (decoded: its length, not silence) and the shipped ones for the rest.
    const board = await openPage(env.browser, `${env.hub.url}/board#token=${encodeURIComponent(env.hub.token('display'))}`, { width: 1920, height: 1080 });
    await board.page.waitForSelector('[data-testid=board]');
    const decoded = (id: string) =>
      board.page.waitForFunction((clip) => (window as unknown as { __laysoDecodedClips?: Record<string, DecodedClip> }).__laysoDecodedClips?.[clip], id, { timeout: WAIT_MS }).then((handle) => handle.jsonValue() as Promise<DecodedClip>);
    const center = await decoded('den-quay-so');
    expect(center.url).toBe(`/api/voice/clips/den-quay-so.wav?v=${stored.version}`);
    expect(Math.abs(center.durationS * 1000 - stored.durationMs)).toBeLessThan(25);
    expect(center.peak).toBeGreaterThan(0.1);
    const shipped = await decoded('quay');
    expect(shipped.url).toBe('/counter/voice/vi/quay.ogg');
    expect(errors).toEqual([]);
    expect(board.errors).toEqual([]);
  }, 90_000);

  it('says in Vietnamese why a silent file is refused, and stores nothing', async () => {
    const { page } = await openAdmin(env.browser, env.hub);
    await goTo(page, 'voice');
    const silence = Buffer.from(encodeWav(fromFloat([new Float32Array(24_000)], 24_000)));
    await page.getByTestId('voice-file-quay').setInputFiles({ name: 'im-lang.wav', mimeType: 'audio/wav', buffer: silence });
    await page.getByTestId('error-banner').filter({ hasText: 'Đoạn ghi âm không có tiếng. Vui lòng kiểm tra micrô rồi ghi lại.' }).waitFor();
    const manifest = voiceManifestSchema.parse(await (await fetch(`${env.hub.url}/api/voice`)).json());
    expect(manifest.clips.map((clip) => clip.id)).not.toContain('quay');
  }, 60_000);
});
