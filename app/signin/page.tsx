import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { safeReturnPath } from "@/lib/safe-return-path";
import { currentActor } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
  OAuthSignin: "The identity provider could not be reached. Try again, or tell your administrator.",
  Callback: "Sign-in could not be completed. Try again.",
  AccessDenied: "Sign-in was refused.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Docket</h1>
      <p className="mt-2 text-slate-600">Sign in with your organisation&apos;s single sign-on. Every act in Docket is recorded in its audit log.</p>
      {errorCode && (
        <p role="alert" className="mt-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {ERRORS[errorCode] ?? "Sign-in failed. Try again."}
        </p>
      )}
      <SignInButton callbackUrl={callbackUrl} />
    </main>
  );
}
