// Dataset sizes. Memory target: `large` (≈280k chats, ≈1M activities, 1 GiB file streamed) must
// stay within a few hundred MB of heap; only per-chat numeric columns, sort indexes and small
// directory tables are materialised, everything else is derived on demand.

import { HOSTILE_ORGANIZATION_NAME } from "./hostile";

export type DatasetSize = "small" | "demo" | "large";

export const DATASET_SIZES: readonly DatasetSize[] = ["small", "demo", "large"];

export interface Profile {
  claudeOrgNames: readonly string[];
  consoleOrgName: string;
  /** Members per claude.ai organisation (same order as claudeOrgNames). */
  usersPerOrg: readonly number[];
  consoleUsers: number;
  /** Inclusive range of ordinary chats per user. */
  chatsPerUser: readonly [number, number];
  /** Chats of the fixture "user with many chats", on top of the special chats. */
  powerUserChats: number;
  projectsPerOrg: number;
  /** Share of ordinary chats with hundreds of messages. */
  longChatShare: number;
  localSessions: number;
  remoteSessions: number;
  /** Whether the ≥ 1 GiB upload exists. */
  largeFile: boolean;
  /** Weeks of sign-in history per user. */
  signInWeeks: number;
  codeArtifacts: number;
}

export const PROFILES: Readonly<Record<DatasetSize, Profile>> = {
  small: {
    claudeOrgNames: ["Acme Legal", HOSTILE_ORGANIZATION_NAME],
    consoleOrgName: "Acme Platform (Console)",
    usersPerOrg: [7, 5],
    consoleUsers: 1,
    chatsPerUser: [1, 4],
    powerUserChats: 12,
    projectsPerOrg: 3,
    longChatShare: 0,
    localSessions: 8,
    remoteSessions: 6,
    largeFile: false,
    signInWeeks: 4,
    codeArtifacts: 6,
  },
  demo: {
    claudeOrgNames: ["Acme Legal", HOSTILE_ORGANIZATION_NAME, "Acme Research"],
    consoleOrgName: "Acme Platform (Console)",
    usersPerOrg: [22, 26, 14],
    consoleUsers: 6,
    chatsPerUser: [3, 40],
    powerUserChats: 120,
    projectsPerOrg: 6,
    longChatShare: 0.03,
    localSessions: 60,
    remoteSessions: 24,
    largeFile: false,
    signInWeeks: 26,
    codeArtifacts: 24,
  },
  large: {
    claudeOrgNames: ["Acme Legal", HOSTILE_ORGANIZATION_NAME, "Acme Research"],
    consoleOrgName: "Acme Platform (Console)",
    usersPerOrg: [700, 900, 400],
    consoleUsers: 40,
    chatsPerUser: [20, 250],
    powerUserChats: 2000,
    projectsPerOrg: 60,
    longChatShare: 0.01,
    localSessions: 3000,
    remoteSessions: 800,
    largeFile: true,
    signInWeeks: 52,
    codeArtifacts: 400,
  },
};
