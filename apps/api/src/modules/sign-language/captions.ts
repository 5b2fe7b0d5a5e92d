/**
 * Checks that a captions file is WebVTT (https://www.w3.org/TR/webvtt1/) a browser will show: UTF-8,
 * the "WEBVTT" signature on the first line, and at least one cue with a valid timing line. Comment
 * (NOTE), STYLE and REGION blocks are allowed; the cues' text is not judged. Each problem names its
 * line, so the person can fix the file.
 */
export type CaptionsCheck = { ok: true; cues: number } | { ok: false; problem: string };

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function seconds(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, hours, minutes, secs, millis] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}

/** "00:00:01.000 --> 00:00:04.000 line:90%": the two times and where the first is not after the second. */
function timingProblem(line: string): string | null {
  const match = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/.exec(line);
  if (!match) return 'expected a cue timing such as "00:00:01.000 --> 00:00:04.000"';
  const start = seconds(match[1]);
  const end = seconds(match[2]);
  if (start === null) return `"${match[1]}" is not a time (hh:mm:ss.ttt or mm:ss.ttt)`;
  if (end === null) return `"${match[2]}" is not a time (hh:mm:ss.ttt or mm:ss.ttt)`;
  if (end < start) return 'the cue ends before it starts';
  return null;
}

export function checkWebVtt(bytes: Buffer): CaptionsCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'The captions file is not UTF-8 text. Save it as UTF-8 (WebVTT always is).' };
  }
  // The decoder drops a byte order mark already.
  if (text.includes('\u0000')) return { ok: false, problem: 'The captions file contains NUL characters; it is not a WebVTT text file.' };
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return {
      ok: false,
      problem: 'The captions file is not WebVTT: its first line must be "WEBVTT" (a SubRip .srt file can be converted).',
    };
  }
  let cues = 0;
  let index = 1;
  // The header may go on until the first blank line.
  while (index < lines.length && lines[index].trim() !== '') {
    if (lines[index].includes('-->')) return { ok: false, problem: `Line ${index + 1}: a blank line must follow the "WEBVTT" header.` };
    index++;
  }
  while (index < lines.length) {
    if (lines[index].trim() === '') {
      index++;
      continue;
    }
    const start = index;
    while (index < lines.length && lines[index].trim() !== '') index++;
    const block = lines.slice(start, index);
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]) && !block[0].includes('-->')) continue;
    // A cue: an optional identifier (which never contains "-->"), then the timing line.
    const timingAt = block[0].includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1;
    if (timingAt < 0) {
      return {
        ok: false,
        problem: `Line ${start + 1}: expected a cue timing such as "00:00:01.000 --> 00:00:04.000" (on this line, or on the next after a cue name).`,
      };
    }
    const problem = timingProblem(block[timingAt]);
    if (problem) return { ok: false, problem: `Line ${start + timingAt + 1}: ${problem}.` };
    cues++;
  }
  if (cues === 0) return { ok: false, problem: 'The captions file has no cue: add at least one timed caption.' };
  return { ok: true, cues };
}
