"use client";

import { useState } from "react";
import { z } from "zod";
import { useIsHydrated } from "@/components/layout/hydration";
import { Button } from "@/components/ui/button";

const CsrfAnswer = z.object({ csrfToken: z.string().min(1) });

/**
 * Signs out through next-auth's documented REST API, as its signOut() helper does: the CSRF token from
 * GET /api/auth/csrf, then a POST to /api/auth/signout. The helper would bring next-auth's browser
 * client (about 10 kB gzipped) into every page (bench B4). The POST is a form submission, so the
 * browser follows next-auth's redirect to the sign-in page itself.
 */
async function signOut(): Promise<void> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`);
  const { csrfToken } = CsrfAnswer.parse(await response.json());
  const form = document.createElement("form");
  form.method = "POST";
  form.action = "/api/auth/signout";
  for (const [name, value] of [
    ["csrfToken", csrfToken],
    ["callbackUrl", "/signin"],
  ] as const) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  const isHydrated = useIsHydrated();
  return (
    <>
      <Button
        disabled={state === "pending" || !isHydrated}
        onClick={() => {
          setState("pending");
          signOut().catch(() => setState("failed"));
        }}
      >
        Sign out
      </Button>
      {state === "failed" && (
        <span role="alert" className="text-sm text-red-700">
          Could not sign out: try again.
        </span>
      )}
    </>
  );
}
