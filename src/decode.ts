/**
 * Bytes → text. Page files come from many tools: UTF-8 with or without BOM, UTF-16 with BOM,
 * GB18030/GBK from old Windows software. Invalid bytes are reported with their place, never
 * silently replaced.
 */
import type { Point } from './types.js';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; problem: 'binary' | 'invalid'; place: Point; detail: string };

/** Largest page file accepted, in bytes: a printed page is tens of kilobytes. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Decodes a page file's bytes, detecting BOMs, UTF-8, GB18030 and binary data. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problem: 'binary', place: pointAt(bytes, nul), detail: `NUL byte at offset ${nul}` };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 (a superset of GBK) is what Chinese Windows tools write.
  }
  const bad = firstInvalidUtf8(body);
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    if (looksLikeChinese(text)) return { ok: true, text, encoding: 'gb18030' };
  } catch {
    // Neither encoding fits: report the first byte that breaks UTF-8.
  }
  const offset = bad + (body === bytes ? 0 : 3);
  return {
    ok: false,
    problem: 'invalid',
    place: pointAt(bytes, offset),
    detail: `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}`,
  };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, problem: 'invalid', place: { line: 1, column: 1 }, detail: `not valid ${encoding.toUpperCase()}` };
  }
}

/** A GB18030 decoding is believed only when most non-ASCII characters are common Han or CJK punctuation. */
function looksLikeChinese(text: string): boolean {
  let wide = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    wide++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) han++;
  }
  return wide > 0 && han / wide >= 0.9;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 well-formed sequences). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const extra = lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    // The second byte's range is narrower after some leads (no overlongs, surrogates or > U+10FFFF).
    const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}

/** Line and column (1-based, in characters) of a byte offset, decoding the valid prefix leniently. */
function pointAt(bytes: Uint8Array, offset: number): Point {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1, offset };
}
