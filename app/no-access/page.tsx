import type { Metadata } from "next";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentActor } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "No access" };
export const dynamic = "force-dynamic";

const REASONS: Record<string, string> = {
  claim:
    "Your identity provider did not send the group information Docket needs, so you were not signed in. Ask your administrator to check the SSO configuration.",
  forbidden: "Your role does not allow that page.",
  disabled: "A Docket administrator has disabled your access, so you were not signed in. Ask them if you think this is a mistake.",
};

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reason } = await searchParams;
  const actor = await currentActor();
  const explanation =
    (typeof reason === "string" ? REASONS[reason] : undefined) ??
    "Your account has no Docket role. Access is granted through your organisation's groups; ask your administrator to add you to a Docket group.";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">No access</h1>
      <p className="mt-3 text-slate-600">{explanation}</p>
      {actor && (
        <div className="mt-6 flex items-center justify-between rounded-md border border-slate-200 bg-white px-4 py-3">
          <span className="text-sm">
            Signed in as <strong>{actor.email ?? actor.subject}</strong>
          </span>
          <SignOutButton />
        </div>
      )}
    </main>
  );
}
