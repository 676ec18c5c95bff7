"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiRequestError } from "@/lib/queries/api-fetch";

/** The server refused an irreversible step because the sign-in is too old (step-up). */
export function needsRecentSignIn(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "reauth_required";
}

/**
 * Sends the person back to the IdP with `max_age=0`, so it authenticates them again whatever it
 * remembers, and returns them to this page to repeat the step.
 */
export function StepUpNotice({ message }: { message: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>{message}</p>
      <Button
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("oidc", { callbackUrl: `${window.location.pathname}${window.location.search}` }, { prompt: "login", max_age: "0" });
        }}
        variant="primary"
      >
        {pending ? "Redirecting…" : "Sign in again to confirm"}
      </Button>
    </div>
  );
}
