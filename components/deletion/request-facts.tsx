import Link from "next/link";
import { EvidenceFacts, Fact } from "@/components/layout/evidence-facts";
import { formatUtc } from "@/components/thread/format";
import { DELETION_REASON_LABELS, type DeletionPerson, type DeletionRequestDto } from "@/lib/schemas/deletions";
import { displayName, formatAge, formatTimeLeft, kindLabel, objectHref } from "./deletion-format";

export const personOf = (person: DeletionPerson | null) => (person ? (person.email ?? person.name ?? "(unknown)") : "—");

/** What is to be deleted, by whom, why and until when: what an approver weighs. */
export function RequestFacts({ request, now }: { request: DeletionRequestDto; now: number }) {
  const { target, reason } = request;
  const gone = request.status === "succeeded";
  return (
    <EvidenceFacts>
      <Fact label="What">
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
      </Fact>
      <Fact label="Id" mono>
        {target.id}
      </Fact>
      <Fact label="Requested by">{personOf(request.requestedBy)}</Fact>
      <Fact label="Requested">
        {formatUtc(request.requestedAt)} ({formatAge(request.requestedAt, now)})
      </Fact>
      <Fact label="Reason">
        {DELETION_REASON_LABELS[reason.code]}
        {reason.text ? `: ${reason.text}` : ""}
      </Fact>
      <Fact label="Reference">{request.reference}</Fact>
      {request.status === "requested" || request.status === "approved" ? (
        <Fact label="Expires">
          {formatUtc(request.expiresAt)} ({formatTimeLeft(request.expiresAt, now)})
        </Fact>
      ) : (
        <Fact label="Expiry">{formatUtc(request.expiresAt)}</Fact>
      )}
      <Fact label="Approval">{request.approvalsRequired ? "by a second person" : "off (the requester's confirmation sufficed)"}</Fact>
    </EvidenceFacts>
  );
}
