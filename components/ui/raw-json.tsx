"use client";

import { useMemo, useState } from "react";
import { Button } from "./button";
import { ModalDialog } from "./modal-dialog";

/** Indents JSON for reading without changing a field or its order; text that is not JSON is shown as it is. */
function indented(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** An object exactly as the API sent it, unknown fields included: the one place raw JSON is drawn. */
export function RawJson({ json, label = "Raw JSON as the API sent it", tall = false }: { json: string; label?: string; tall?: boolean }) {
  const text = useMemo(() => indented(json), [json]);
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      data-raw-json
      className={`mt-2 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100 ${tall ? "" : "max-h-96"}`}
    >
      {text}
    </pre>
  );
}

/** The raw JSON of a page's object, folded away until asked for. */
export function RawJsonDisclosure({ json, summary = "Raw JSON" }: { json: string; summary?: string }) {
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer font-semibold text-slate-700">{summary}</summary>
      <RawJson json={json} />
    </details>
  );
}

/** The raw JSON of an object whose page has no room to unfold it (a thread's header): shown in a dialog. */
export function RawJsonDialogButton({ json, label, title }: { json: string; label: string; title: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)} variant="link" size="small">
        {label}
      </Button>
      {isOpen && (
        <ModalDialog title={title} onClose={() => setIsOpen(false)}>
          <RawJson json={json} tall />
        </ModalDialog>
      )}
    </>
  );
}
