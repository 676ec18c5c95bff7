/** Real ids of the e2e stack's simulator (the `small` dataset, seed 1): lib/simulator/dataset/fixtures.ts names them. */
export const SMALL_SEED_1 = {
  organization: "2e3aebe1-3b2e-452a-b92f-065e774149b0",
  user: "user_01Ad2FaAzn9ZnvmrK4M34y8S",
  chat: "claude_chat_019sjiLGNQZVRmMXQC6tpfVs",
  softDeletedChat: "claude_chat_01M5i47wzF71ghUXczsLMbSa",
  project: "claude_proj_01DMbPsPSc1aPz1WVi3G4y32",
} as const;
