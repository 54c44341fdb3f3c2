// The voice player shared by the hall board and the kiosk: the announcement queue and
// its Web Audio backend. The phrases come from ../announcement.ts; the clips ship in
// apps/counter-display/public/voice (the kiosk's build serves the same folder).
export * from './announcer.js';
export * from './web-audio-backend.js';
export * from './pcm-clip.js';
export * from './center-voice.js';
