// Why: a pitch's words and speaking time, worked out in the browser exactly as the core does
// (pitches.rs: word_count, speaking_seconds), so the editor's live count never disagrees with the
// saved one; plus what the Pitches screen, the person page and Today say about a pitch.
import type { Audience, FieldProblem, Pitch, PitchDraft } from "./bindings";

export const DEFAULT_WORDS_PER_MINUTE = 130;
export const TARGET_PRESETS = [30, 60, 90] as const;

export const AUDIENCE_LABELS: Record<Audience, string> = {
  mentor: "Mentor",
  collaborator: "Collaborator",
  industry: "Industry",
  committee: "Committee",
  peer: "Peer",
  other: "Other",
};

/** Group headings on the Pitches screen. */
export const AUDIENCE_HEADINGS: Record<Audience, string> = {
  mentor: "For mentors",
  collaborator: "For collaborators",
  industry: "For industry",
  committee: "For committees",
  peer: "For peers",
  other: "For anyone else",
};

/** The order groups appear in: the four audiences first. */
export const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];

export function isAudience(value: string): value is Audience {
  return value in AUDIENCE_LABELS;
}

const SPACE = /\p{White_Space}+/u;
/** Rust's char::is_alphanumeric: Alphabetic or any Numeric category. */
const WORDLIKE = /[\p{Alphabetic}\p{N}]/u;

/** Words as a listener hears them: whitespace-separated tokens with a letter or digit in them. */
export function wordCount(text: string): number {
  return text.split(SPACE).filter((w) => WORDLIKE.test(w)).length;
}

/** Speaking seconds for `words` at `perMinute`, rounded half up like the core. */
export function speakingSeconds(words: number, perMinute: number): number {
  const rate = Math.max(1, Math.floor(perMinute));
  return Math.floor((words * 60 + Math.floor(rate / 2)) / rate);
}

/** "128 words · 59 s of 60 s" */
export function timingText(words: number, seconds: number, targetSeconds: number): string {
  return `${words} ${words === 1 ? "word" : "words"} · ${seconds} s of ${targetSeconds} s`;
}

export type Fit = { state: "over" | "fits" | "empty"; text: string };

/** Over the target is said in words (and drawn as a warning); under it, how much is to spare. */
export function fit(words: number, seconds: number, targetSeconds: number): Fit {
  if (words === 0) return { state: "empty", text: "No words yet" };
  if (seconds > targetSeconds) return { state: "over", text: `${seconds - targetSeconds} s over` };
  if (seconds === targetSeconds) return { state: "fits", text: "Fits exactly" };
  return { state: "fits", text: `Fits, ${targetSeconds - seconds} s to spare` };
}

/** "For this congress" or "Any congress". */
export function scopeText(pitch: Pick<Pitch, "congress_id">): string {
  return pitch.congress_id === null ? "Any congress" : "For this congress";
}

export type AudienceGroup = { audience: Audience; pitches: Pitch[] };

/** Pitches by audience in AUDIENCES order, each group by title; empty groups left out. */
export function byAudience(pitches: readonly Pitch[]): AudienceGroup[] {
  return AUDIENCES.map((audience) => ({
    audience,
    pitches: pitches
      .filter((p) => p.audience === audience)
      .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: "base" }) || a.id - b.id),
  })).filter((g) => g.pitches.length > 0);
}

/** The pitch form as typed. */
export type PitchForm = {
  title: string;
  audience: Audience;
  /** Only for the congress being planned (else for any congress). */
  congressOnly: boolean;
  body: string;
  targetSeconds: number;
  wordsPerMinute: number;
};

export type PitchField = "title" | "target_seconds" | "words_per_minute" | "body";

export function formFromPitch(pitch: Pitch | null): PitchForm {
  if (!pitch) {
    return { title: "", audience: "mentor", congressOnly: false, body: "", targetSeconds: 60, wordsPerMinute: DEFAULT_WORDS_PER_MINUTE };
  }
  return {
    title: pitch.title,
    audience: pitch.audience,
    congressOnly: pitch.congress_id !== null,
    body: pitch.body,
    targetSeconds: pitch.target_seconds,
    wordsPerMinute: pitch.words_per_minute,
  };
}

/** A number field's value as the core takes it: a whole number, or 0 (refused in words) when unreadable. */
function whole(n: number): number {
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : 0;
}

export function draftFromForm(form: PitchForm, congressId: number | null): PitchDraft {
  return {
    congress_id: form.congressOnly ? congressId : null,
    audience: form.audience,
    title: form.title.trim(),
    body: form.body.trim(),
    target_seconds: whole(form.targetSeconds),
    words_per_minute: whole(form.wordsPerMinute),
  };
}

/** Live timing while typing; an unreadable rate reads as the default so the count never blanks. */
export function liveTiming(form: Pick<PitchForm, "body" | "wordsPerMinute">): { words: number; seconds: number } {
  const words = wordCount(form.body);
  const rate = Number.isFinite(form.wordsPerMinute) && form.wordsPerMinute >= 1 ? form.wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
  return { words, seconds: speakingSeconds(words, rate) };
}

export function pitchProblems(problems: readonly FieldProblem[]): Partial<Record<PitchField | "", string>> {
  const known: readonly string[] = ["title", "target_seconds", "words_per_minute", "body"];
  const shown: Partial<Record<PitchField | "", string>> = {};
  for (const p of problems) {
    const key = (known.includes(p.field) ? p.field : "") as PitchField | "";
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}
