// Why: the introductions I owe ("introduce Ana to Ben"), across congresses, oldest first, and the
// one thing done with them here: made or declined (and back to owed, for Undo). A closed one
// leaves the list at once; the core's answer is the truth, so a failure reloads. Keep in touch
// lists them all (owedIntros); Follow-ups lists those offered at the congress being planned
// (congressIntros), the same store narrowed with loadOf.
import { commands, type CongressId, type Introduction, type IntroductionId, type IntroStatus } from "./bindings";
import { describeError, settle, type CommandError, type Result } from "./api";
import { WholeList } from "./congress-list.svelte";
import { introLine } from "./touch-words";

/** A toast with Undo, as the screens that list introductions show it. */
export type IntroToast = { message: string; action?: { label: string; testid: string; run: () => Promise<void> } };

export class OwedIntrosStore extends WholeList<Introduction> {
  /** Whose introductions: those offered at this congress, or all of them (null). */
  #congressId: CongressId | null = null;

  protected fetch(): Promise<Result<Introduction[], CommandError>> {
    return commands.listOwedIntros(this.#congressId);
  }

  /** Loads those offered at `congressId` (all when null), forgetting another congress's first. */
  loadOf(congressId: CongressId | null): Promise<Result<Introduction[], CommandError>> {
    if (congressId !== this.#congressId) {
      this.reset();
      this.#congressId = congressId;
    }
    return this.load();
  }

  async setStatus(id: IntroductionId, status: IntroStatus): Promise<Result<Introduction, CommandError>> {
    const res = await settle(() => commands.setIntroStatus(id, status));
    if (res.status === "ok" && status !== "owed") {
      this.replaceAll(this.list.filter((i) => i.id !== id)); // a load under way may still hold it
    } else {
      await this.load();
    }
    return res;
  }
}

/**
 * Marks an introduction made or declined from a list: on success the toast to show (with Undo,
 * which makes it owed again and shows its own toast through `show`), else the problem in words.
 */
export async function closeIntro(
  store: OwedIntrosStore,
  intro: Introduction,
  status: Exclude<IntroStatus, "owed">,
  show: (toast: IntroToast) => void,
): Promise<{ toast: IntroToast } | { problem: string }> {
  const res = await store.setStatus(intro.id, status);
  const line = introLine(intro);
  if (res.status === "error") return { problem: `Could not change “${line}”: ${describeError(res.error)}` };
  return {
    toast: {
      message: status === "made" ? `Made: ${line}.` : `Declined: ${line}.`,
      action: {
        label: "Undo",
        testid: "undo-intro-status",
        run: async () => {
          const back = await store.setStatus(intro.id, "owed");
          show({ message: back.status === "ok" ? `“${line}” is owed again.` : `Could not undo: ${describeError(back.error)}` });
        },
      },
    },
  };
}

export const owedIntros = new OwedIntrosStore();
export const congressIntros = new OwedIntrosStore();
