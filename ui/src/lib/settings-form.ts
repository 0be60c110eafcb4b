// Why: the Settings form as typed (minutes are text until they are whole numbers) and the same
// rules the backend applies, so a mistake is named next to its field before saving, and nothing
// that would not fit the backend's integer fields is ever sent.
import type { FieldProblem, MyCard, Settings } from "./bindings";

export type DayFields = {
  day_start_hour: number;
  day_end_hour: number;
  default_meeting_minutes: string;
  buffer_minutes: string;
  follow_up_days: string;
};

export const SETTINGS_FIELDS = ["home_time_zone", "day_start_hour", "day_end_hour", "default_meeting_minutes", "buffer_minutes", "follow_up_days", "alarm_minutes"] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export function dayFieldsOf(s: Settings | null): DayFields {
  return {
    day_start_hour: s?.day_start_hour ?? 7,
    day_end_hour: s?.day_end_hour ?? 20,
    default_meeting_minutes: String(s?.default_meeting_minutes ?? 30),
    buffer_minutes: String(s?.buffer_minutes ?? 10),
    follow_up_days: String(s?.follow_up_days ?? 2),
  };
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

export type DayCheck =
  | { ok: true; value: Pick<Settings, "day_start_hour" | "day_end_hour" | "default_meeting_minutes" | "buffer_minutes" | "follow_up_days"> }
  | { ok: false; problems: Partial<Record<SettingsField, string>> };

/** The backend's rules, with its words, checked before sending. */
export function checkDay(f: DayFields): DayCheck {
  const problems: Partial<Record<SettingsField, string>> = {};
  const start = f.day_start_hour;
  const end = f.day_end_hour;
  if (!Number.isInteger(start) || start < 0 || start > 23) problems.day_start_hour = "The day starts at an hour from 00:00 to 23:00.";
  if (!Number.isInteger(end) || end < 1 || end > 24 || end <= start) problems.day_end_hour = "The day must end after it starts (hours 0–24).";
  const minutes = wholeNumber(f.default_meeting_minutes);
  if (minutes === null || minutes < 5 || minutes > 480) problems.default_meeting_minutes = "A meeting lasts 5 to 480 minutes.";
  const buffer = wholeNumber(f.buffer_minutes);
  if (buffer === null) problems.buffer_minutes = "Type a whole number of minutes, 0 to 120.";
  else if (buffer > 120) problems.buffer_minutes = "Keep the buffer under two hours.";
  const days = wholeNumber(f.follow_up_days);
  if (days === null) problems.follow_up_days = "Type a whole number of days, 0 to 60.";
  else if (days > 60) problems.follow_up_days = "Follow up within 60 days.";
  if (Object.keys(problems).length > 0 || minutes === null || buffer === null || days === null) return { ok: false, problems };
  return {
    ok: true,
    value: { day_start_hour: start, day_end_hour: end, default_meeting_minutes: minutes, buffer_minutes: buffer, follow_up_days: days },
  };
}

/** The backend's problems by field; any on a field the form lacks go under "". */
export function problemsByField(problems: FieldProblem[], fallback: string): Partial<Record<SettingsField | "", string>> {
  const out: Partial<Record<SettingsField | "", string>> = {};
  for (const p of problems) {
    const key = (SETTINGS_FIELDS as readonly string[]).includes(p.field) ? (p.field as SettingsField) : "";
    out[key] = out[key] ? `${out[key]} ${p.message}` : p.message;
  }
  return problems.length > 0 ? out : { "": fallback };
}

/** The fields of Settings → My card, in the order the form shows them. */
export const CARD_FIELDS = ["name", "credentials", "institution", "position", "email", "phone", "x_handle", "bluesky", "linkedin", "orcid", "website"] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export const EMPTY_CARD: MyCard = {
  name: "", credentials: "", institution: "", position: "", email: "", phone: "", x_handle: "", bluesky: "", linkedin: "", orcid: "", website: "",
};

/** The card with every field trimmed, as it is saved. */
export function trimCard(card: MyCard): MyCard {
  return Object.fromEntries(CARD_FIELDS.map((f) => [f, card[f].trim()])) as MyCard;
}

export function sameCard(a: MyCard, b: MyCard): boolean {
  return CARD_FIELDS.every((f) => a[f].trim() === b[f].trim());
}

/** The backend's `my_card.email`-style problems by card field; any other go under "". */
export function cardProblemsByField(problems: FieldProblem[], fallback: string): Partial<Record<CardField | "", string>> {
  const out: Partial<Record<CardField | "", string>> = {};
  for (const p of problems) {
    const name = p.field.startsWith("my_card.") ? p.field.slice("my_card.".length) : "";
    const key = (CARD_FIELDS as readonly string[]).includes(name) ? (name as CardField) : "";
    out[key] = out[key] ? `${out[key]} ${p.message}` : p.message;
  }
  return problems.length > 0 ? out : { "": fallback };
}
