"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts the OIDC sign-in; asks the IdP to show its login form even if it remembers someone. */
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }, { prompt: "login" });
      }}
      variant="primary"
      className="mt-6 w-full"
    >
      {pending ? "Redirecting…" : "Sign in with SSO"}
    </Button>
  );
}
