import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { currentActor } from "@/lib/server/auth/guard";

/**
 * The console's shell: its header, once for every page. Never the authorisation check (a layout does
 * not run again on client navigation): each page calls requirePageAccess, and sends anyone without a
 * session or a role elsewhere before this header would mean anything.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      {actor && actor.roles.length > 0 && <AppHeader email={actor.email ?? actor.subject} roles={actor.roles} />}
      {children}
    </>
  );
}
