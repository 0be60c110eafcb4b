// Why: the UI's half of "links from imported data open only http/https/mailto": the same rule as
// the core's links::safe_link, so an unsafe address never even gets an Open button (the core checks
// again before anything reaches the OS).
export function safeLink(text: string | null | undefined): string | null {
  const url = (text ?? "").trim();
  if (url === "" || url.length > 2048 || /[\s\p{Cc}]/u.test(url)) return null;
  const colon = url.indexOf(":");
  if (colon < 0) return null;
  const scheme = url.slice(0, colon).toLowerCase();
  const rest = url.slice(colon + 1);
  const ok =
    scheme === "http" || scheme === "https"
      ? rest.startsWith("//") && rest.length > 2 && !rest.slice(2).startsWith("/")
      : scheme === "mailto" && rest.includes("@");
  return ok ? `${scheme}:${rest}` : null;
}
