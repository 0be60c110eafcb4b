// Why: the person form's fields in one place (order, labels, hints), turning a saved person into
// an editable draft, and the backend's problems into one message per field, so the form, its
// tests and the end-to-end tests agree on the `pfield-<key>` names.
import type { FieldProblem, Person, PersonDraft } from "./bindings";

export type PersonField = keyof PersonDraft;

export type FieldSpec = {
  key: PersonField;
  label: string;
  hint?: string;
  placeholder?: string;
  type?: "text" | "email" | "tel" | "url" | "textarea";
  /** Takes the whole row of the two-column form. */
  wide?: boolean;
};

/** Groups of fields as the form lays them out. */
export const PERSON_FORM: { legend: string; fields: FieldSpec[] }[] = [
  {
    legend: "Who",
    fields: [
      { key: "display_name", label: "Name", placeholder: "Ana Sánchez", wide: true, hint: "As you would say it; given and family name below are optional." },
      { key: "honorific", label: "Honorific", placeholder: "Dr, Prof." },
      { key: "credentials", label: "Credentials", placeholder: "MD, PhD" },
      { key: "given_name", label: "Given name" },
      { key: "middle_name", label: "Middle names" },
      { key: "family_name", label: "Family name" },
      { key: "position", label: "Position", placeholder: "Head of Myeloma Unit" },
      { key: "institution", label: "Institution", placeholder: "Hospital Clínic de Barcelona" },
      { key: "city", label: "City" },
      { key: "country", label: "Country" },
    ],
  },
  {
    legend: "Contact",
    fields: [
      { key: "emails", label: "Emails", type: "email", wide: true, hint: "Separate several with commas; the first is preferred." },
      { key: "phone", label: "Phone", type: "tel" },
      { key: "orcid", label: "ORCID iD", placeholder: "0000-0002-1825-0097" },
      { key: "linkedin_url", label: "LinkedIn", type: "url", placeholder: "https://www.linkedin.com/in/name", wide: true },
      { key: "x_handle", label: "X", placeholder: "@handle" },
      { key: "bluesky_handle", label: "Bluesky", placeholder: "name.bsky.social" },
    ],
  },
  {
    legend: "Notes",
    fields: [
      { key: "tags", label: "Tags", hint: "Words separated by spaces, e.g. myeloma IFM CAR-T", wide: true },
      { key: "notes", label: "Notes", type: "textarea", wide: true },
    ],
  },
];

export const PERSON_FIELDS: PersonField[] = PERSON_FORM.flatMap((g) => g.fields.map((f) => f.key));

export function isPersonField(field: string): field is PersonField {
  return (PERSON_FIELDS as string[]).includes(field);
}

export function emptyPersonDraft(displayName = ""): PersonDraft {
  const draft = Object.fromEntries(PERSON_FIELDS.map((k) => [k, ""])) as PersonDraft;
  draft.display_name = displayName;
  return draft;
}

export function draftFromPerson(p: Person): PersonDraft {
  return {
    display_name: p.display_name,
    given_name: p.given_name ?? "",
    middle_name: p.middle_name ?? "",
    family_name: p.family_name ?? "",
    honorific: p.honorific ?? "",
    credentials: p.credentials ?? "",
    institution: p.institution ?? "",
    position: p.position ?? "",
    city: p.city ?? "",
    country: p.country ?? "",
    emails: (p.emails.length > 0 ? p.emails : p.email ? [p.email] : []).join(", "),
    phone: p.phone ?? "",
    linkedin_url: p.linkedin_url ?? "",
    x_handle: p.x_handle ?? "",
    bluesky_handle: p.bluesky_handle ?? "",
    orcid: p.orcid ?? "",
    tags: p.tags,
    notes: p.notes,
  };
}

/** One message per field (several joined); problems on fields the form lacks go under "". */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const p of problems) {
    const key = isPersonField(p.field) ? p.field : "";
    shown[key] = shown[key] ? `${shown[key]} ${p.message}` : p.message;
  }
  return shown;
}
