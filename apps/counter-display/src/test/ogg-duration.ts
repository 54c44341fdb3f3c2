import { readFileSync } from 'node:fs';

/**
 * Length of an Ogg Vorbis file in seconds: the last page's granule position (the
 * sample count at the end of the stream) over the sample rate in the Vorbis
 * identification header. Agrees with `soxi -D` to the sample; reading the files
 * this way lets tests use the shipped clips' real durations without sox installed.
 */
export function oggVorbisDuration(file: string): number {
  const bytes = readFileSync(file);
  const header = bytes.indexOf(Buffer.from('\x01vorbis', 'latin1'));
  if (header < 0) throw new Error(`${file}: not an Ogg Vorbis file`);
  const sampleRate = bytes.readUInt32LE(header + 12);
  const lastPage = bytes.lastIndexOf(Buffer.from('OggS', 'latin1'));
  if (lastPage < 0 || sampleRate === 0) throw new Error(`${file}: no Ogg page`);
  const samples = Number(bytes.readBigInt64LE(lastPage + 6));
  return samples / sampleRate;
}
