// Why: the follow-up and reminder commands for component tests (and the preview harness), kept out
// of the shared fake-backend.ts: installFakeFollowUps(backend) answers list/update/redraft/
// set_follow_up_status/delete/open_email_draft and set_meeting_reminder, logs them in
// backend.calls like every other command, moves a target to "followed up" on done as the core
// does, and adds the drafted follow-ups to a meeting marked done (when installFakeMeetings is on).
import type { Channel, CommandError, FollowUp, FollowUpEdit, FollowUpStatus, PersonPage, StatusChange } from "../lib/bindings";
import { answerCommands, wrapInvoke, type FakeBackend } from "./fake-backend";

export type FakeFollowUps = {
  /** Every follow-up, of every congress and status. */
  followUps: FollowUp[];
  /** What redraft_follow_up answers (and what a new follow-up starts with, for email). */
  template: (f: FollowUp, channel: Channel) => string;
  /** The meeting reminders set, by meeting id (null once cleared). */
  meetingReminders: Map<number, string | null>;
  /** When set, update_follow_up fails with this error. */
  saveError: CommandError | null;
};

let nextFollowUpId = 900;

/** A follow-up as list_follow_ups returns it: owed to Ana Sánchez at ASH 2026, by email. */
export function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  const id = overrides.id ?? nextFollowUpId++;
  return {
    id,
    person_id: 1,
    display_name: "Ana Sánchez",
    email: "ana@example.org",
    congress_id: 1,
    congress_name: "ASH 2026",
    meeting_id: null,
    due_at: "2026-12-07T11:00:00-05:00",
    channel: "email",
    draft: "",
    status: "owed",
    remind_at: null,
    uid: `follow-up-${id}@hallway.app`,
    sequence: 0,
    ...overrides,
  };
}

/** The core's templates, short: the channel's greeting with the person and congress in it. */
export function fakeTemplate(f: FollowUp, channel: Channel): string {
  const congress = f.congress_name ?? "the congress";
  switch (channel) {
    case "email":
    case "other":
      return `Subject: Great to meet you at ${congress}\n\nDear ${f.display_name},\n\nThank you for taking the time to talk with me at ${congress}.\n\nWith best regards,`;
    case "linkedin":
      return `Dear ${f.display_name}, it was a pleasure to meet you at ${congress}. I would be glad to stay connected.`;
    case "x":
    case "bluesky":
      return `Great to meet you at ${congress}, ${f.display_name.split(" ")[0]}! Let's stay in touch.`;
    case "in_person":
      return `Next time I see ${f.display_name}: thank them for meeting at ${congress}.`;
  }
}

const ORDER = (a: FollowUp, b: FollowUp) => Date.parse(a.due_at) - Date.parse(b.due_at) || a.id - b.id;

/** Call after installFakeBackend (and installFakeMeetings, when used), which it extends. */
export function installFakeFollowUps(b: FakeBackend, init: Partial<FakeFollowUps> = {}): FakeFollowUps {
  const f: FakeFollowUps = { followUps: [], template: fakeTemplate, meetingReminders: new Map(), saveError: null, ...init };
  const byId = (id: unknown): FollowUp => {
    const found = f.followUps.find((x) => x.id === id);
    if (!found) throw { kind: "not_found", message: `no follow-up ${String(id)}` } satisfies CommandError;
    return found;
  };
  const put = (saved: FollowUp): FollowUp => {
    f.followUps = f.followUps.map((x) => (x.id === saved.id ? saved : x));
    return saved;
  };
  /** One per person of a meeting just done, due two days (settings) after it ends. */
  const draftFor = (change: StatusChange): FollowUp[] => {
    const m = change.meeting;
    const days = b.settings.follow_up_days;
    const congressName = b.congresses.find((c) => c.id === m.congress_id)?.name ?? null;
    const created: FollowUp[] = [];
    for (const p of m.people) {
      if (f.followUps.some((x) => x.meeting_id === m.id && x.person_id === p.id)) continue;
      const due = new Date(Date.parse(m.ends_at) + days * 86_400_000 + offsetMs(m.ends_at)).toISOString().slice(0, 19);
      const fresh = followUp({
        person_id: p.id,
        display_name: p.display_name,
        email: b.people.find((x) => x.id === p.id)?.email ?? null,
        congress_id: m.congress_id,
        congress_name: congressName,
        meeting_id: m.id,
        due_at: `${due}${m.ends_at.slice(19)}`,
      });
      created.push({ ...fresh, draft: f.template(fresh, "email") });
    }
    f.followUps = [...f.followUps, ...created];
    return created;
  };

  // Two answers of other fakes gain the follow-ups: a meeting marked done drafts them, and a
  // person's page lists theirs.
  wrapInvoke((next) => async (cmd, payload, options) => {
    if (cmd === "set_meeting_status") {
      const change = (await next(cmd, payload, options)) as StatusChange;
      return change.meeting.status === "done" ? { ...change, follow_ups: draftFor(change) } : change;
    }
    if (cmd === "person_page") {
      const page = (await next(cmd, payload, options)) as PersonPage;
      const owedFirst = (x: FollowUp, y: FollowUp) =>
        Number(x.status !== "owed") - Number(y.status !== "owed") || (x.status === "owed" ? ORDER(x, y) : -ORDER(x, y));
      return { ...page, follow_ups: f.followUps.filter((x) => x.person_id === page.person.id).sort(owedFirst) };
    }
    return next(cmd, payload, options);
  });
  const handled = ["list_follow_ups", "update_follow_up", "redraft_follow_up", "set_follow_up_status", "delete_follow_up", "open_email_draft", "set_meeting_reminder"];
  answerCommands(b, handled, (cmd, args) => {
    switch (cmd) {
      case "list_follow_ups": {
        const congressId = args.congressId as number | null;
        if (congressId === null) return f.followUps.filter((x) => x.status === "owed").sort(ORDER);
        const rank = (x: FollowUp) => (x.status === "owed" ? 0 : 1);
        return f.followUps.filter((x) => x.congress_id === congressId).sort((x, y) => rank(x) - rank(y) || ORDER(x, y));
      }
      case "update_follow_up": {
        const old = byId(args.id);
        if (f.saveError) throw f.saveError;
        const edit = args.edit as FollowUpEdit;
        return put({ ...old, ...edit, sequence: old.sequence + (Date.parse(old.due_at) === Date.parse(edit.due_at) ? 0 : 1) });
      }
      case "redraft_follow_up":
        return f.template(byId(args.id), args.channel as Channel);
      case "set_follow_up_status": {
        const old = byId(args.id);
        const status = args.status as FollowUpStatus;
        if (status === "done" && old.congress_id !== null) {
          b.targets = b.targets.map((t) =>
            t.congress_id === old.congress_id && t.person_id === old.person_id && t.status !== "declined" ? { ...t, status: "followed_up" } : t,
          );
        }
        return put({ ...old, status });
      }
      case "delete_follow_up":
        byId(args.id);
        f.followUps = f.followUps.filter((x) => x.id !== args.id);
        return null;
      case "open_email_draft":
        byId(args.id);
        return null;
      default: {
        f.meetingReminders.set(args.id as number, (args.remindAt as string | null) ?? null);
        return null;
      }
    }
  });
  return f;
}

function offsetMs(rfc3339: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(rfc3339);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}
