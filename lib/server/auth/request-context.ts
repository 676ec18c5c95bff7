import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What next-auth's adapter and callbacks need to know about the HTTP request they run in (next-auth
 * does not pass it to them): which auth action this is, and who is asking, for the audit log.
 */
export interface AuthRequestContext {
  action: string;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string;
  /** When the IdP last authenticated the person signing in (the ID token's auth_time), set by the signIn callback. */
  authTime?: Date;
}

const storage = new AsyncLocalStorage<AuthRequestContext>();

export function runWithAuthContext<T>(context: AuthRequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function authContext(): AuthRequestContext | undefined {
  return storage.getStore();
}
