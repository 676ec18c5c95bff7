import { revealInvisible } from "./reveal-invisible";

/**
 * A name from upstream (a file, an artifact, an attachment) shown as text in its own direction, with
 * its invisible and direction-changing characters written out as ⟦U+…⟧ instead of acting, and marked.
 * `searchable` puts it among the texts the thread's search looks through.
 */
export function RevealedName({ name, searchable = false }: { name: string; searchable?: boolean }) {
  const { text, hadInvisible } = revealInvisible(name);
  return (
    <bdi
      data-search-text={searchable || undefined}
      data-hidden-characters={hadInvisible || undefined}
      title={hadInvisible ? "This name contains invisible or direction-changing characters, written out as ⟦U+…⟧." : undefined}
      className={hadInvisible ? "underline decoration-amber-600 decoration-wavy" : undefined}
    >
      {text}
    </bdi>
  );
}
