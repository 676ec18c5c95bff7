import { useRef } from "react";
import { buttonClasses } from "@/components/ui/button";

const EXPORTS = [
  { query: "format=markdown", label: "Markdown transcript", detail: "with its facts and every id" },
  { query: "format=markdown&metadata=0", label: "Markdown, conversation only", detail: "authors, times, content and attachments" },
  { query: "format=json", label: "JSON as the API sent it", detail: "every field, all pages merged" },
] as const;

/**
 * A chat's or a session's exports, as plain download links (they work before the page's scripts, and
 * the browser streams them to disk). The server reads the whole transcript, whatever is loaded here.
 */
export function TranscriptExportMenu({ exportPath, noun }: { exportPath: string; noun: "chat" | "session" }) {
  const menu = useRef<HTMLDetailsElement>(null);
  // Choosing an export closes the menu, so the page is as it was while the file saves.
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details ref={menu} className="relative">
      <summary className={`${buttonClasses("secondary", "regular")} cursor-pointer list-none`}>Export</summary>
      <div className="absolute right-0 z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <ul className="space-y-1">
          {EXPORTS.map((entry) => (
            <li key={entry.query}>
              <a href={`${exportPath}?${entry.query}`} download onClick={close} className="block rounded px-2 py-1 hover:bg-slate-100">
                <span className="block text-sm font-semibold">{entry.label}</span>
                <span className="block text-xs text-slate-600">{entry.detail}</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-2 border-t border-slate-200 px-2 pt-2 text-xs text-slate-600">
          Every message of the {noun}, tool output untruncated. Each export is recorded in the audit log with the SHA-256 of the file, also sent in its
          X-Docket-SHA256 header.
        </p>
      </div>
    </details>
  );
}
