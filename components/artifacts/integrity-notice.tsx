import { formatByteCount } from "@/components/layout/evidence-facts";
import { Definition } from "@/components/ui/definition-list";
import type { DisplayedText, IntegrityCheck } from "@/lib/schemas/artifacts";

/**
 * The outcome of the MD5 check, first thing under the title: a mismatch is loud, because evidence that
 * fails it is not what the API stored.
 */
export function IntegrityNotice({ integrity }: { integrity: IntegrityCheck }) {
  const references = [
    integrity.metadataMd5Matches !== null && "the metadata's md5",
    integrity.contentMd5HeaderMatches !== null && "the Content-MD5 header of the download",
  ].filter(Boolean);
  const sizeDiffers = integrity.computedMd5 !== null && integrity.declaredBytes !== null && integrity.declaredBytes !== integrity.receivedBytes;
  const sizeNote = sizeDiffers && (
    <p className="mt-1">
      The metadata declares {formatByteCount(integrity.declaredBytes)}; Docket received {formatByteCount(integrity.receivedBytes)}.
    </p>
  );
  switch (integrity.outcome) {
    case "verified":
      return (
        <div role="status" aria-label="MD5 check" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <p>
            <strong className="font-semibold">MD5 verified.</strong> The MD5 of the {formatByteCount(integrity.receivedBytes)} Docket received,{" "}
            <code className="font-mono text-xs">{integrity.computedMd5}</code>, matches {references.join(" and ")}.
          </p>
          {sizeNote}
        </div>
      );
    case "mismatch":
      return (
        <div role="alert" aria-label="MD5 check" className="rounded-md border-2 border-rose-500 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          <p className="text-base font-bold">MD5 mismatch: this is not the content the API describes.</p>
          <p className="mt-1">
            Do not rely on it as evidence. Docket received {formatByteCount(integrity.receivedBytes)} whose MD5 is{" "}
            <code className="font-mono text-xs">{integrity.computedMd5}</code>.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {integrity.metadataMd5Matches === false && (
              <li>
                The metadata says <code className="font-mono text-xs">{integrity.metadataMd5}</code>.
              </li>
            )}
            {integrity.contentMd5HeaderMatches === false && (
              <li>
                The download&apos;s Content-MD5 header says <code className="font-mono text-xs">{integrity.contentMd5Header}</code> (base64).
              </li>
            )}
          </ul>
          {sizeNote}
          <p className="mt-1">Open it again; if the mismatch persists, report it with the request ids from the audit log.</p>
        </div>
      );
    case "unavailable":
      return (
        <div role="status" aria-label="MD5 check" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong className="font-semibold">MD5 not checked.</strong>{" "}
          {integrity.computedMd5 === null
            ? `The content is larger than Docket reads in a view (it stopped after ${formatByteCount(integrity.receivedBytes)}), so its MD5 could not be computed.`
            : `The API gave no MD5 to compare with; the MD5 of what Docket received is ${integrity.computedMd5}.`}
        </div>
      );
  }
}

/** What of the content is shown, when it is not simply all of it as UTF-8 text. */
export function DisplayedTextNotes({ content }: { content: DisplayedText }) {
  if (!content.cut && !content.invalidUtf8) return null;
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {content.cut && (
        <p>
          <strong className="font-semibold">Cut for display:</strong> only the first {formatByteCount(content.shownBytes)}
          {content.totalBytes === null ? "" : ` of ${formatByteCount(content.totalBytes)}`} are shown below. Nothing past that point is shown or compared.
        </p>
      )}
      {content.invalidUtf8 && <p>Some bytes are not valid UTF-8 text; each is shown as the replacement character �.</p>}
    </div>
  );
}

/** The size and MD5 facts of a piece of evidence, beside its other facts. */
export function IntegrityFacts({ integrity }: { integrity: IntegrityCheck }) {
  return (
    <>
      <Definition label="Size (metadata)">{formatByteCount(integrity.declaredBytes)}</Definition>
      <Definition label="MD5 (metadata)" mono>
        {integrity.metadataMd5 ?? "—"}
      </Definition>
      <Definition label="MD5 (received)" mono>
        {integrity.computedMd5 ?? "—"}
      </Definition>
    </>
  );
}
