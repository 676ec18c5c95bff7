/** An environment the server accepts: the required variables, each valid; tests add the one they are about. */
export const VALID_SERVER_ENV = {
  COMPLIANCE_API_KEY: "sk-ant-api01-simulator-full",
  DATABASE_URL: "postgresql://docket@127.0.0.1:5432/docket",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "a".repeat(32),
  OIDC_ISSUER: "http://localhost:4011",
  OIDC_CLIENT_ID: "docket",
  OIDC_CLIENT_SECRET: "secret",
  DOCKET_ROLE_MAP: "audit:auditor",
};
