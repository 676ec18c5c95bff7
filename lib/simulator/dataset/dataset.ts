// The dataset for one (seed, size). Built once at start-up; immutable afterwards (deletes and
// runtime activities live in the server's State overlay).

import { buildActivityIndex, type ActivityIndex } from "./activities";
import { simulatorKeys, type SimulatorKey } from "./api-keys";
import { Blobs } from "./blobs";
import { buildChats, type ChatTable } from "./chats";
import { buildCodeArtifacts, type CodeArtifact } from "./code-artifacts";
import { buildDirectory, type Directory } from "./directory";
import { IdCodec } from "./ids";
import { LargeFile } from "./large-file";
import { PROFILES, type DatasetSize, type Profile } from "./profiles";
import { buildProjects, type ProjectTable } from "./projects";
import { buildSessions, type SessionTables } from "./sessions";

export class Dataset {
  readonly profile: Profile;
  readonly ids: IdCodec;
  readonly keys: SimulatorKey[];
  readonly dir: Directory;
  readonly projects: ProjectTable;
  readonly chats: ChatTable;
  readonly sessions: SessionTables;
  readonly blobs: Blobs;
  readonly activities: ActivityIndex;
  /** Sorted by id (the documented list order). */
  readonly codeArtifacts: CodeArtifact[];

  constructor(
    readonly seed: number,
    readonly size: DatasetSize,
  ) {
    this.profile = PROFILES[size];
    this.ids = new IdCodec(seed);
    this.keys = simulatorKeys(this.ids);
    this.dir = buildDirectory(this.ids, seed, this.profile);
    this.projects = buildProjects(this.ids, seed, this.profile, this.dir);
    this.chats = buildChats(this.ids, seed, this.profile, this.dir, this.projects);
    this.sessions = buildSessions(this.ids, seed, this.profile, this.dir, this.projects);
    this.blobs = new Blobs(this.profile.largeFile ? new LargeFile(seed) : null);
    this.activities = buildActivityIndex(this);
    this.codeArtifacts = buildCodeArtifacts(this.ids, seed, this.profile, this.dir);
  }
}
