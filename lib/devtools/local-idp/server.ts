/**
 * A local OpenID Provider (npm oidc-provider, a certified implementation) for the demo and the tests:
 * authorization code with PKCE, RS256 ID tokens that carry email, name and a groups claim, a plain
 * sign-in form, and consent granted for its single first-party client.
 */
import { generateKeyPairSync, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type KoaContextWithOIDC } from "oidc-provider";
import { renderLoginPage } from "./login-page";
import { DEMO_PASSWORD, DEMO_USERS, TEST_USERS, type DirectoryUser } from "./users";

export interface LocalIdpOptions {
  port: number;
  /** Docket's public URL: the only redirect target the client may use. */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  /** Adds the users whose claims are deliberately malformed. */
  includeTestUsers?: boolean;
}

export interface LocalIdp {
  issuer: string;
  close(): Promise<void>;
}

const SCOPES = "openid email profile groups";

export async function startLocalIdp(options: LocalIdpOptions): Promise<LocalIdp> {
  const directory = [...DEMO_USERS, ...(options.includeTestUsers ? TEST_USERS : [])];
  const bySubject = new Map(directory.map((user) => [user.subject, user]));
  const byEmail = new Map(directory.map((user) => [user.email, user]));

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: "Docket",
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [options.appUrl],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "local-idp-1", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Put the claims of the granted scopes into the ID token: next-auth reads the ID token only.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx, subject) => {
      const user = bySubject.get(subject);
      return user ? { accountId: user.subject, claims: () => claimsOf(user) } : undefined;
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  });
  const handleProtocol = provider.callback();

  server.on("request", (request, response) => {
    const interaction = /^\/interaction\/([^/?]+)(\/login)?(?:\?|$)/.exec(request.url ?? "");
    if (!interaction) {
      // oidc-provider's handler answers the request itself and reports its own errors.
      void handleProtocol(request, response);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(request, response);
        if (request.method === "GET" && !interaction[2]) {
          return sendHtml(response, 200, renderLoginPage({ uid: details.uid, clientName: "Docket" }));
        }
        if (request.method === "POST" && interaction[2]) {
          const form = new URLSearchParams(await readBody(request));
          const email = (form.get("email") ?? "").trim().toLowerCase();
          const user = byEmail.get(email);
          if (!user || !samePassword(form.get("password") ?? "")) {
            return sendHtml(response, 401, renderLoginPage({ uid: details.uid, clientName: "Docket", email, error: "Unknown email or wrong password." }));
          }
          await provider.interactionFinished(request, response, { login: { accountId: user.subject } }, { mergeWithLastSubmission: false });
          return;
        }
        sendHtml(response, 405, "Method not allowed");
      } catch (error) {
        const expired = error instanceof errors.SessionNotFound;
        sendHtml(response, expired ? 400 : 500, expired ? "This sign-in attempt has expired. Start again from Docket." : "The identity provider failed.");
      }
    })();
  });

  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function claimsOf(user: DirectoryUser) {
  return {
    sub: user.subject,
    email: user.email,
    email_verified: true,
    name: user.name,
    ...(user.groups === undefined ? {} : { groups: user.groups }),
  };
}

function samePassword(candidate: string): boolean {
  const expected = Buffer.from(DEMO_PASSWORD);
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 16_384) throw new Error("form too large");
  }
  return body;
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(html);
}
