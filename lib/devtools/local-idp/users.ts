/**
 * The demo directory of the local OpenID Provider. Each demo user is in the group that
 * DEMO_ROLE_MAP maps to their role; nobody@docket.test is in none. Test users exercise claims a
 * real IdP may send badly; they exist only when the provider is started for tests.
 */
export const DEMO_PASSWORD = "docket";

export interface DirectoryUser {
  /** Opaque and distinct from the email, as a real IdP's subject is. */
  subject: string;
  email: string;
  name: string;
  /** undefined: the claim is left out; a string: the wrong shape, on purpose. */
  groups: string[] | string | undefined;
}

export const DEMO_USERS: DirectoryUser[] = [
  { subject: "u-1001-reviewer", email: "reviewer@docket.test", name: "Rowan Reviewer", groups: ["legal-reviewers"] },
  { subject: "u-1002-approver", email: "approver@docket.test", name: "Avery Approver", groups: ["legal-approvers"] },
  { subject: "u-1003-auditor", email: "auditor@docket.test", name: "Aude Auditor", groups: ["audit"] },
  { subject: "u-1004-admin", email: "admin@docket.test", name: "Adil Admin", groups: ["docket-admins"] },
  { subject: "u-1005-nobody", email: "nobody@docket.test", name: "Noel Nobody", groups: [] },
];

export const TEST_USERS: DirectoryUser[] = [
  { subject: "u-2001-second-approver", email: "approver2@docket.test", name: "Second Approver", groups: ["legal-approvers"] },
  { subject: "u-2002-missing-claim", email: "noclaim@docket.test", name: "Missing Claim", groups: undefined },
  { subject: "u-2003-string-claim", email: "stringclaim@docket.test", name: "String Claim", groups: "legal-reviewers" },
  { subject: "u-2004-unknown-group", email: "outsider@docket.test", name: "Unknown Group", groups: ["marketing"] },
];
