/**
 * An activity's actor in words. The actor union has grown several times; a type Docket does not know
 * is shown by its name with every field it carries, never dropped. Client-safe.
 */

export interface ActorInWords {
  /** What kind of actor this is, e.g. "Person" or "Directory sync (SCIM)". */
  kind: string;
  /** Who, as precisely as the activity says: an email, a key id, a service; null when it says nothing. */
  who: string | null;
  /** The person's user id, when the actor is one, so the page can link to them. */
  userId: string | null;
  /** Where the request came from, when the activity records it. */
  ipAddress: string | null;
  userAgent: string | null;
}

const ACTOR_KINDS: Record<string, { kind: string; who: (actor: Record<string, unknown>) => string | null }> = {
  user_actor: { kind: "Person", who: (actor) => text(actor.email_address) ?? text(actor.user_id) },
  api_actor: { kind: "API key", who: (actor) => text(actor.api_key_id) },
  admin_api_key_actor: { kind: "Admin API key", who: (actor) => text(actor.admin_api_key_id) },
  unauthenticated_user_actor: {
    kind: "Not yet signed in",
    who: (actor) => {
      const email = text(actor.unauthenticated_email_address);
      return email ? `claimed to be ${email}` : null;
    },
  },
  anthropic_actor: { kind: "Anthropic", who: () => "Anthropic staff or tooling" },
  system_actor: { kind: "Automatic (Anthropic's systems)", who: (actor) => text(actor.service) },
  service_account_actor: { kind: "Service account", who: (actor) => text(actor.service_account_id) },
  scim_directory_sync_actor: {
    kind: "Directory sync (SCIM)",
    who: (actor) => [text(actor.idp_connection_type), text(actor.directory_id)].filter(Boolean).join(", ") || null,
  },
  federated_identity_actor: {
    kind: "Federated identity",
    who: (actor) => [text(actor.subject), text(actor.issuer) && `from ${text(actor.issuer)}`].filter(Boolean).join(" ") || null,
  },
  federated_actor: {
    kind: "Workload identity",
    who: (actor) => {
      const provider = typeof actor.provider === "object" && actor.provider !== null ? (actor.provider as Record<string, unknown>) : {};
      return [text(provider.type)?.toUpperCase(), text(actor.subject)].filter(Boolean).join(": ") || null;
    },
  },
  attested_device_actor: { kind: "Attested device", who: (actor) => text(actor.external_client_id) },
};

export function actorInWords(actor: Record<string, unknown> | null): ActorInWords {
  if (actor === null) return { kind: "No actor recorded", who: null, userId: null, ipAddress: null, userAgent: null };
  const type = text(actor.type) ?? "";
  const known = ACTOR_KINDS[type];
  return {
    kind: known ? known.kind : `Actor of type "${type || "unnamed"}"`,
    who: known ? known.who(actor) : (text(actor.email_address) ?? text(actor.user_id) ?? null),
    userId: type === "user_actor" ? text(actor.user_id) : null,
    ipAddress: text(actor.ip_address),
    userAgent: text(actor.user_agent),
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
