"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { organizationsOptions } from "@/lib/queries/console-queries";
import { organizationSettingsOptions } from "@/lib/queries/directory-queries";
import type { ApiKeyInfo } from "@/lib/schemas/directory";

const SOON_MS = 30 * 86_400_000;

/**
 * Docket's own Compliance API key as the organisation lists it: name, scopes, expiry and state. Docket
 * knows which key is its own from the Activity Feed, once the reconciliation has matched its calls.
 */
export function DocketKeyCard() {
  const organizations = useQuery(organizationsOptions());
  const first = organizations.data?.organizations[0]?.uuid;
  const settings = useQuery({ ...organizationSettingsOptions(first ?? ""), enabled: first !== undefined });
  if (organizations.isError || settings.isError) return <p className="text-sm text-slate-600">The organisation&apos;s key list could not be read.</p>;
  if (!settings.data) return <p className="text-sm text-slate-500">Reading the organisation&apos;s key list…</p>;
  const own = settings.data.apiKeys.find((key) => key.isDockets);
  if (!own)
    return (
      <p className="text-sm text-slate-600">
        Not identified yet: Docket learns which key is its own from the Activity Feed, minutes after its first calls. The organisation lists{" "}
        {settings.data.apiKeys.length} {settings.data.apiKeys.length === 1 ? "key" : "keys"} in the{" "}
        <Link href="/directory" className="underline">
          directory
        </Link>
        .
      </p>
    );
  // Judged at the time the list was read, so the card says the same on every render.
  return <KeyFacts apiKey={own} readAt={settings.dataUpdatedAt} />;
}

function KeyFacts({ apiKey, readAt }: { apiKey: ApiKeyInfo; readAt: number }) {
  const { format } = useTimeFormat();
  const expiresSoon = apiKey.expiresAt !== null && Date.parse(apiKey.expiresAt) - readAt < SOON_MS;
  const state = apiKey.isActive === false ? "Deactivated" : apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= readAt ? "Expired" : "Active";
  return (
    <dl className="space-y-1 text-sm text-slate-700">
      <div>
        <dt className="inline font-semibold">Name: </dt>
        <dd className="inline">
          {apiKey.name ?? "(unnamed)"} <span className="font-mono text-xs text-slate-500">{apiKey.id}</span>
        </dd>
      </div>
      <div>
        <dt className="inline font-semibold">Scopes: </dt>
        <dd className="inline font-mono text-xs">{apiKey.scopes.join(" ") || "none listed"}</dd>
      </div>
      <div>
        <dt className="inline font-semibold">State: </dt>
        <dd className={`inline ${state === "Active" ? "" : "font-semibold text-rose-800"}`}>{state}</dd>
      </div>
      <div>
        <dt className="inline font-semibold">Expires: </dt>
        <dd className={`inline ${expiresSoon ? "font-semibold text-amber-800" : ""}`}>
          {apiKey.expiresAt ? format(apiKey.expiresAt) : "Never"}
          {expiresSoon && state === "Active" && " — soon: have a new key made before then"}
        </dd>
      </div>
    </dl>
  );
}
