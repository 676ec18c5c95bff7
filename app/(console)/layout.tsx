import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { TimeZoneProvider } from "@/components/layout/time-zone";
import { THEME_COOKIE, themeOf } from "@/lib/console/theme";
import { UTC } from "@/lib/console/time-zone";
import { currentActor } from "@/lib/server/auth/guard";
import { rememberedTimeZone } from "@/lib/server/console/reviewer-preference";
import { getDb } from "@/lib/server/db";

/**
 * The console's shell: a skip link, its header, once for every page, and the reviewer's time zone.
 * Never the authorisation check (a layout does not run again on client navigation): each page calls
 * requirePageAccess, and sends anyone without a session or a role elsewhere before this header would
 * mean anything.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const signedIn = actor !== null && actor.roles.length > 0;
  const zone = signedIn ? await rememberedTimeZone(getDb(), actor) : UTC;
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <TimeZoneProvider initialZone={zone}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold"
      >
        Skip to content
      </a>
      {signedIn && <AppHeader email={actor.email ?? actor.subject} roles={actor.roles} theme={theme} />}
      {children}
    </TimeZoneProvider>
  );
}
