/** Real ids of the e2e stack's simulator (the `small` dataset, seed 1): lib/simulator/dataset/fixtures.ts names them. */
export const SMALL_SEED_1 = {
  organization: "2e3aebe1-3b2e-452a-b92f-065e774149b0",
  user: "user_01Ad2FaAzn9ZnvmrK4M34y8S",
  chat: "claude_chat_019sjiLGNQZVRmMXQC6tpfVs",
  softDeletedChat: "claude_chat_01M5i47wzF71ghUXczsLMbSa",
  project: "claude_proj_01DMbPsPSc1aPz1WVi3G4y32",
} as const;

/** Artifacts and project documents of the same dataset (fixtures artifactsChat, projectDocument, hostileChat, hostileProject). */
export const SMALL_SEED_1_ARTIFACTS = {
  chat: "claude_chat_01Wm1b4FV9tNWdUzyECskQ3M",
  /** Versions of each artifact, oldest first. */
  markdown: ["claude_artifact_version_01491X8oU5paoirM2LQAk5JS", "claude_artifact_version_01Af1Amsqdb3ZyfRWrkphEmS", "claude_artifact_version_01RTVVK3rbn2J7uYCmw4NpwT"],
  code: ["claude_artifact_version_016jNva5PTbxq3h9ohZzTqxq", "claude_artifact_version_018DwyyPVn5UmLznPb7NPS3R"],
  /** The second version has a <script> that sets the title and calls fetch("https://evil.example/beacon"). */
  html: ["claude_artifact_version_01MNe24cTtmEuQPgEGVN433G", "claude_artifact_version_01ER11T9BABoAnvR7JDGwhXm"],
  svg: ["claude_artifact_version_016aAFgQwGQfYecFVDnnrmDd"],
  react: ["claude_artifact_version_0128oFiuaYR2GgRQFDETgzkk", "claude_artifact_version_01KAga4f5HeHbTtiNz5zQ4aD"],
  /** The hostile chat's HTML artifact: a script, an <img onerror> and a full-page iframe to evil.example. */
  hostileHtml: "claude_artifact_version_01Vgx8wANnnBTR1HwZ7P7Cf5",
  /** The project of `projectDocument` (fixtures projectWithoutChats). */
  documentsProject: "claude_proj_01H1zhE5yZheYDdHMUtETo9J",
  projectDocument: "claude_proj_doc_01LJGeFAo18kxMMuL9JZorVA",
  /** The hostile project's document: markup in its file name and in its text. */
  hostileDocument: "claude_proj_doc_011DArxgPjBxbBkEd7cUg93s",
} as const;

/** Uploaded and generated files of the small dataset (seed 1), by type. */
export const SMALL_SEED_1_FILES = {
  files: { csv: "claude_file_01TWmgVmynKGwzhkBMDZdgas", png: "claude_file_01Y5jDQvo4wF82cidCLc1ptT" },
  generatedFiles: { csv: "claude_gen_file_01UQcnAQFJ1reUb6HM26mJZQ", png: "claude_gen_file_01ReFXsZb9Hv149CTNid6etq" },
} as const;
