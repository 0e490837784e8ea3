// Text into markup: the five characters HTML and XML give meaning, as entities. One function
// for every place that builds markup as a string (SVG charts, search snippets, Akoma Ntoso, HTML).

/** Escapes text for HTML or XML content and attribute values. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
