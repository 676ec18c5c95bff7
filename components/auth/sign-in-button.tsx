"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the OIDC sign-in; asks the IdP to show its login form even if it remembers someone. */
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }, { prompt: "login" });
      }}
      className="mt-6 w-full rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
    >
      {pending ? "Redirecting…" : "Sign in with SSO"}
    </button>
  );
}
