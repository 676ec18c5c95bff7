import Link from "next/link";

import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { DELETION_REASON_LABELS, type DeletionPerson, type DeletionRequestDto } from "@/lib/schemas/deletions";
import { displayName, formatAge, formatTimeLeft, kindLabel, objectHref } from "./deletion-format";

export const personOf = (person: DeletionPerson | null) => (person ? (person.email ?? person.name ?? "(unknown)") : "—");

/** What is to be deleted, by whom, why and until when: what an approver weighs. */
export function RequestFacts({ request, now }: { request: DeletionRequestDto; now: number }) {
  const { format } = useTimeFormat();
  const { target, reason } = request;
  const gone = request.status === "succeeded";
  return (
    <DefinitionList>
      <Definition label="What">
        {kindLabel(target.kind)}{" "}
        {gone ? (
          <span dir="auto" className="font-semibold">
            {displayName(target.name, target.kind)}
          </span>
        ) : (
          <Link href={objectHref(target)} dir="auto" className="font-semibold underline">
            {displayName(target.name, target.kind)}
          </Link>
        )}
      </Definition>
      <Definition label="Id" mono>
        {target.id}
      </Definition>
      <Definition label="Requested by">{personOf(request.requestedBy)}</Definition>
      <Definition label="Requested">
        {format(request.requestedAt)} ({formatAge(request.requestedAt, now)})
      </Definition>
      <Definition label="Reason">
        {DELETION_REASON_LABELS[reason.code]}
        {reason.text ? `: ${reason.text}` : ""}
      </Definition>
      <Definition label="Reference">{request.reference}</Definition>
      {request.status === "requested" || request.status === "approved" ? (
        <Definition label="Expires">
          {format(request.expiresAt)} ({formatTimeLeft(request.expiresAt, now)})
        </Definition>
      ) : (
        <Definition label="Expiry">{format(request.expiresAt)}</Definition>
      )}
      <Definition label="Approval">{request.approvalsRequired ? "by a second person" : "off (the requester's confirmation sufficed)"}</Definition>
    </DefinitionList>
  );
}
