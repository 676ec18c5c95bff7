import { SafeMarkdown } from "@/components/thread/safe-markdown";
import { textsFormattedOnServer, type FirstThreadPage, type ServedThreadPage } from "@/lib/thread/served-thread-page";

/**
 * Formats the first screen's markdown on the server (a server component's work: none of the renderer
 * reaches the browser), so that the thread shows it formatted before any of its JavaScript has run.
 */
export function formatFirstScreen(served: ServedThreadPage): FirstThreadPage {
  return { served, formattedTexts: served.ok ? textsFormattedOnServer(served.page).map((text, index) => <SafeMarkdown key={index} text={text} />) : [] };
}
