import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ApiBudgetNotice } from "@/components/layout/api-budget-notice";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { TimeZoneSwitch } from "@/components/layout/time-zone";
import type { Theme } from "@/lib/console/theme";
import { permissionsOf, type Permission, type Role } from "@/lib/schemas/access";

/** The review console's sections, for the header and the home page. */
export const REVIEW_SECTIONS = [
  { href: "/custodians", label: "Custodians" },
  { href: "/chats", label: "Chats" },
  { href: "/sessions", label: "Sessions" },
  { href: "/projects", label: "Projects" },
  { href: "/code-artifacts", label: "Code artifacts" },
  { href: "/directory", label: "Directory" },
] as const;

/**
 * The deletion, collection and legal-hold pages, each for the roles whose permissions use it (`unless`: a role
 * with that permission gets another row instead). The pages check the permission themselves.
 */
export const PERMISSION_SECTIONS: ReadonlyArray<{ href: string; label: string; permission: Permission; unless?: Permission }> = [
  { href: "/activity", label: "Activity", permission: "activity.read" },
  { href: "/approvals", label: "Approvals", permission: "deletion.approve" },
  { href: "/approvals", label: "Deletion requests", permission: "deletion.request", unless: "deletion.approve" },
  { href: "/collections", label: "Collections", permission: "content.export" },
  { href: "/legal-holds", label: "Legal holds", permission: "holds.manage" },
  { href: "/people", label: "People", permission: "people.manage" },
];

export function AppHeader({ email, roles, theme }: { email: string; roles: Role[]; theme: Theme }) {
  const permissions = permissionsOf(roles);
  const canReadContent = permissions.has("content.read");
  const sections = PERMISSION_SECTIONS.filter((section) => permissions.has(section.permission) && !(section.unless && permissions.has(section.unless)));
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Wraps rather than overflows: a reviewer who may also approve and collect has many sections. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
        <nav className="flex flex-wrap items-center gap-x-5 gap-y-1 whitespace-nowrap text-sm font-medium">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Docket
          </Link>
          {canReadContent &&
            REVIEW_SECTIONS.map((section) => (
              <Link key={section.href} href={section.href} className="text-slate-600 hover:text-slate-900">
                {section.label}
              </Link>
            ))}
          {sections.map((section) => (
            <Link key={section.label} href={section.href} className="text-slate-600 hover:text-slate-900">
              {section.label}
            </Link>
          ))}
          {permissions.has("audit.read") && (
            <Link href="/audit" className="text-slate-600 hover:text-slate-900">
              Audit log
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-4 whitespace-nowrap text-sm">
          <TimeZoneSwitch />
          <ThemeSwitch initialTheme={theme} />
          <span className="text-slate-600">
            {email} <span className="text-slate-500">· {roles.join(", ")}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
      {canReadContent && <ApiBudgetNotice />}
    </header>
  );
}
