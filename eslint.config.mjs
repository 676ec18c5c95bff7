import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { docketRules } from "./eslint-rules.mjs";

const serverBoundary = {
  group: ["@/lib/server/*", "@/lib/server", "**/lib/server/*"],
  message: "Server-only code (it may hold the Compliance key or the database): call it from a route handler or a server component, never from client code.",
};
const simulatorBoundary = {
  group: ["@/lib/simulator/*", "@/lib/simulator", "**/lib/simulator/*"],
  message: "The simulator is a stand-in for the Compliance API, reached over HTTP only; app code must never import it.",
};
const devtoolsBoundary = {
  group: ["@/lib/devtools/*", "@/lib/devtools", "**/lib/devtools/*"],
  message: "Demo and test tooling starts processes and databases; the app never imports it.",
};

const processEnvRestriction = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read the environment through lib/server/env.ts only.",
};
// Together the two let framed content script its way out of the sandbox.
const sandboxEscapeMessage = "An iframe sandbox must not allow both allow-scripts and allow-same-origin: the framed content could remove its own sandbox.";
const sandboxEscapeRestrictions = [
  { selector: "JSXAttribute[name.name='sandbox'] > Literal[value=/allow-scripts/i][value=/allow-same-origin/i]", message: sandboxEscapeMessage },
  {
    selector: "JSXAttribute[name.name='sandbox'] > JSXExpressionContainer > Literal[value=/allow-scripts/i][value=/allow-same-origin/i]",
    message: sandboxEscapeMessage,
  },
  {
    selector:
      "JSXAttribute[name.name='sandbox'] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/allow-scripts/i][value.raw=/allow-same-origin/i]",
    message: sandboxEscapeMessage,
  },
];

// Server code runs in several module graphs of one process (pages, route handlers, instrumentation):
// an error thrown by another graph's copy of a class fails a plain instanceof (lib/server/docket-error.ts).
const crossGraphErrorRestrictions = [
  {
    selector: "ClassDeclaration[superClass.name='Error']:not([id.name='DocketError'])",
    message: "Extend DocketError (lib/server/docket-error.ts) with a brand of its own, so instanceof recognises the error whichever module graph threw it.",
  },
  {
    selector: "BinaryExpression[operator='instanceof'][right.type='MemberExpression'][right.object.name='Prisma']",
    message: "Recognise a Prisma error by its code (see isUniqueConstraintViolation in lib/server/db.ts): its class may be another module graph's copy.",
  },
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", processEnvRestriction, ...sandboxEscapeRestrictions],
    },
  },
  {
    // Untrusted text reaches the page only through React's escaping. A reviewed exception is a
    // files entry here turning the rule off, listed too in tests/unit/lint/untrusted-html-rules.test.ts.
    files: ["app/**", "components/**", "lib/**"],
    rules: { "react/no-danger": "error" },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/simulator/**", "lib/devtools/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [simulatorBoundary, devtoolsBoundary] }] },
  },
  {
    // Client-safe code, whether or not it is a "use client" file today.
    files: ["components/**", "lib/queries/**", "lib/schemas/**", "lib/console/**", "lib/thread/**", "lib/artifacts/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverBoundary, simulatorBoundary, devtoolsBoundary] }] },
  },
  {
    ...docketRules,
    files: ["app/**", "components/**", "lib/**"],
    rules: { "docket/client-boundary": "error" },
  },
  {
    files: ["lib/server/**"],
    rules: { "docket/server-only-first": "error" },
  },
  {
    // Promises the code forgets or hands where none is expected (an async onClick): type-aware rules.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/generated/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["lib/simulator/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*"], message: "The simulator is an independent implementation of the documented API: it imports nothing from Docket." }] },
      ],
    },
  },
  {
    files: ["lib/artifact-sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*"], message: "The artifact sandbox is a separate origin that knows nothing of Docket: it imports nothing from it." }] },
      ],
    },
  },
  {
    // Tooling, tests and the separate processes (simulator, artifact sandbox) are configured through the environment.
    files: [
      "lib/server/env.ts",
      "lib/simulator/**",
      "lib/artifact-sandbox/**",
      "lib/devtools/**",
      "tests/**",
      "prisma/**",
      "prisma.config.ts",
      "instrumentation.ts",
      "*.config.*",
    ],
    rules: { "no-restricted-syntax": ["error", ...sandboxEscapeRestrictions] },
  },
  {
    files: ["tests/e2e/**"],
    ignores: ["tests/e2e/support/fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Import test from tests/e2e/support/fixtures.ts: it fails a test during which Docket answered a 5xx the test did not expect.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/server/**"],
    ignores: ["lib/server/env.ts"],
    rules: { "no-restricted-syntax": ["error", processEnvRestriction, ...sandboxEscapeRestrictions, ...crossGraphErrorRestrictions] },
  },
  {
    files: ["lib/server/env.ts"],
    rules: { "no-restricted-syntax": ["error", ...sandboxEscapeRestrictions, ...crossGraphErrorRestrictions] },
  },
];

export default config;
