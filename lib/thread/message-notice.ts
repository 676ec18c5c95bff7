import type { MessageNotice } from "@/lib/schemas/console";

const UNAVAILABLE_REASONS: Record<string, string> = {
  not_captured:
    "No content is available for this turn. That does not prove none was stored: content withheld by a storage policy (customer-managed encryption keys) reads the same.",
  cmek_key_revoked: "The content is encrypted under the organisation's own key, which is unavailable (for example, revoked).",
  retention_elapsed: "The content aged past the organisation's retention period.",
  oversize: "The message was larger than the API returns; it is listed without its content.",
};

/** What a reviewer should know about a message whose content is missing, unverified or the API's own. */
export function describeNotice(notice: MessageNotice): { title: string; detail: string; isWarning: boolean } {
  switch (notice.kind) {
    case "content_unavailable":
      return {
        title: "Content unavailable",
        detail:
          notice.reason === null
            ? "The API could not return this message's content (for example, it exceeds its size bounds)."
            : (UNAVAILABLE_REASONS[notice.reason] ?? `The API gave a reason Docket does not know: ${notice.reason}.`),
        isWarning: true,
      };
    case "client_asserted":
      return {
        title: "Authorship not verified",
        detail: "The client sent this as conversation history, and it matches no captured response: it may not be what Claude wrote.",
        isWarning: true,
      };
    case "synthetic_marker":
      return {
        title: "Marker written by the API",
        detail: "Neither a person nor Claude wrote this: it stands in for content the API does not show.",
        isWarning: false,
      };
    default:
      return {
        title: `Provenance Docket does not know: ${notice.kind}`,
        detail: notice.reason === null ? "Read the raw JSON for what the API said." : `Reason given: ${notice.reason}.`,
        isWarning: true,
      };
  }
}
