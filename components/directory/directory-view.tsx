"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { retentionRules } from "@/lib/console/retention-words";
import { groupMembersOptions, groupsOptions, organizationSettingsOptions, rolePermissionsOptions, rolesOptions } from "@/lib/queries/directory-queries";
import type { SettingRow } from "@/lib/schemas/directory";

const SOURCE_NAMES: Record<string, string> = { scim: "SCIM (the identity provider's directory sync)", direct: "Direct (added by hand)" };

/** An organisation's directory: effective settings and retention, its Compliance API keys, roles, and the parent's groups. */
export function DirectoryView({ orgUuid }: { orgUuid: string }) {
  return (
    <div className="mt-6 space-y-8">
      <SettingsSection orgUuid={orgUuid} />
      <RolesSection orgUuid={orgUuid} />
      <GroupsSection />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Loading({ what }: { what: string }) {
  return <p className="text-sm text-slate-500">Loading {what}…</p>;
}

function SettingsSection({ orgUuid }: { orgUuid: string }) {
  const query = useQuery(organizationSettingsOptions(orgUuid));
  const { format } = useTimeFormat();
  if (query.isPending) return <Loading what="the settings" />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { settings, apiKeys } = query.data;
  const rules = retentionRules(settings);
  return (
    <>
      <Section title="Retention">
        {rules ? (
          <ul className="list-disc pl-5 text-sm text-slate-700">
            {rules.map((rule) => (
              <li key={rule.dataType}>{rule.words}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">The organisation&apos;s admins control no retention period: content stays until someone deletes it.</p>
        )}
      </Section>
      <Section title="Compliance API keys">
        <DataTable label="Compliance API keys">
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell>Scopes</HeaderCell>
            <HeaderCell>State</HeaderCell>
            <HeaderCell>Created</HeaderCell>
            <HeaderCell>Expires</HeaderCell>
          </TableHead>
          <TableBody>
            {apiKeys.map((key) => (
              <tr key={key.id}>
                <Cell>
                  {key.name ?? "(unnamed)"}
                  {key.isDockets && <span className="ml-2 rounded bg-slate-100 px-1 text-xs font-medium text-slate-700">Docket&apos;s key</span>}
                  <span className="block font-mono text-xs text-slate-500">{key.id}</span>
                </Cell>
                <Cell mono className="text-xs">
                  {key.scopes.join(" ") || "—"}
                </Cell>
                <Cell className="text-xs">{key.isActive === false ? "Deactivated" : key.isActive ? "Active" : "Not said"}</Cell>
                <Cell mono className="whitespace-nowrap text-xs">
                  {format(key.createdAt)}
                </Cell>
                <Cell mono className="whitespace-nowrap text-xs">
                  {key.expiresAt ? format(key.expiresAt) : "Never"}
                </Cell>
              </tr>
            ))}
          </TableBody>
        </DataTable>
      </Section>
      <Section title="Effective settings">
        <p className="mb-2 text-xs text-slate-500">A setting not listed is not one this organisation&apos;s admins control; it is not &ldquo;off&rdquo;.</p>
        <DataTable label="Effective settings">
          <TableHead>
            <HeaderCell>Setting</HeaderCell>
            <HeaderCell>Value</HeaderCell>
          </TableHead>
          <TableBody>
            {settings
              .filter((row) => row.name !== "data_retention_periods")
              .map((row) => (
                <tr key={row.name}>
                  <Cell mono className="text-xs">
                    {row.name}
                  </Cell>
                  <Cell className="text-xs">{settingInWords(row)}</Cell>
                </tr>
              ))}
          </TableBody>
        </DataTable>
      </Section>
    </>
  );
}

function settingInWords(row: SettingRow): string {
  if (row.value === null || row.value === undefined) return "Not set";
  if (row.type === "boolean" && typeof row.value === "boolean") return row.value ? "On" : "Off";
  if (Array.isArray(row.value)) return row.value.length === 0 ? "None" : row.value.join(", ");
  return typeof row.value === "string" || typeof row.value === "number" ? String(row.value) : JSON.stringify(row.value);
}

/** A <details> whose content is read only once it is opened, so a long list costs one request until someone looks. */
function Expandable({ summary, children }: { summary: ReactNode; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} className="border-b border-slate-100 py-2">
      <summary className="cursor-pointer text-sm">{summary}</summary>
      <div className="mt-2 pl-4">{open && children()}</div>
    </details>
  );
}

function RolesSection({ orgUuid }: { orgUuid: string }) {
  const query = useQuery(rolesOptions(orgUuid));
  return (
    <Section title="Roles">
      {query.isPending ? (
        <Loading what="the roles" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.roles.length === 0 ? (
        <p className="text-sm text-slate-500">The organisation has no custom roles.</p>
      ) : (
        query.data.roles.map((role) => (
          <Expandable
            key={role.id}
            summary={
              <>
                <span className="font-medium text-slate-900">{role.name}</span> <span className="font-mono text-xs text-slate-500">{role.id}</span>
                {role.description && <span className="block pl-4 text-xs text-slate-600">{role.description}</span>}
              </>
            }
          >
            {() => <RolePermissionList orgUuid={orgUuid} roleId={role.id} />}
          </Expandable>
        ))
      )}
    </Section>
  );
}

function RolePermissionList({ orgUuid, roleId }: { orgUuid: string; roleId: string }) {
  const query = useQuery(rolePermissionsOptions(orgUuid, roleId));
  if (query.isPending) return <Loading what="its permissions" />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.permissions.length === 0) return <p className="text-xs text-slate-500">This role grants no permission.</p>;
  return (
    <ul className="space-y-1 text-xs">
      {query.data.permissions.map((permission) => (
        <li key={`${permission.action}:${permission.resourceType}:${permission.resourceId}`}>
          <span className="font-mono text-slate-900">{permission.action}</span>
          {permission.resourceType && (
            <span className="text-slate-600">
              {" "}
              on {permission.resourceType}
              {permission.resourceId ? <span className="font-mono"> {permission.resourceId}</span> : " (every one)"}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function GroupsSection() {
  const query = useQuery(groupsOptions());
  return (
    <Section title="Groups">
      {query.isPending ? (
        <Loading what="the groups" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.groups.length === 0 ? (
        <p className="text-sm text-slate-500">The organisation has no groups.</p>
      ) : (
        query.data.groups.map((group) => (
          <Expandable
            key={group.id}
            summary={
              <>
                <span className="font-medium text-slate-900">{group.name}</span>{" "}
                <span className="text-xs text-slate-600">
                  members from {group.sourceType ? (SOURCE_NAMES[group.sourceType] ?? group.sourceType) : "a source the API does not name"}
                  {group.roleIds.length > 0 && <>; roles {group.roleIds.join(", ")}</>}
                </span>
              </>
            }
          >
            {() => <GroupMemberList groupId={group.id} />}
          </Expandable>
        ))
      )}
    </Section>
  );
}

function GroupMemberList({ groupId }: { groupId: string }) {
  const query = useQuery(groupMembersOptions(groupId));
  const { format } = useTimeFormat();
  if (query.isPending) return <Loading what="its members" />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.members.length === 0) return <p className="text-xs text-slate-500">No members.</p>;
  return (
    <ul className="space-y-1 text-xs">
      {query.data.members.map((member) => (
        <li key={member.userId}>
          <span className="font-mono">{member.email ?? member.userId}</span>
          {member.addedAt && <span className="text-slate-500"> since {format(member.addedAt)}</span>}
        </li>
      ))}
    </ul>
  );
}
