// Docket's own lint rules: the boundaries that lint's built-in rules cannot see.

const SERVER_ONLY_SOURCES = [/^@\/lib\/server(\/|$)/, /^@\/lib\/simulator(\/|$)/, /^@\/lib\/devtools(\/|$)/, /^server-only$/, /(^|\/)lib\/server\//];

function isUseClient(program) {
  const first = program.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

/** A "use client" file is sent to the browser whatever folder it is in: it must not import server code. */
const clientBoundary = {
  meta: {
    type: "problem",
    messages: {
      serverImport:
        'A "use client" module is sent to the browser: it must not import {{source}} (server-only code, which may hold the Compliance key or the database).',
    },
    schema: [],
  },
  create(context) {
    let client = false;
    const check = (node) => {
      const source = node.source?.value;
      if (
        client &&
        typeof source === "string" &&
        SERVER_ONLY_SOURCES.some((pattern) => pattern.test(source)) &&
        node.importKind !== "type" &&
        node.exportKind !== "type"
      ) {
        context.report({ node, messageId: "serverImport", data: { source } });
      }
    };
    return {
      Program(program) {
        client = isUseClient(program);
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

/** Every server module starts by importing "server-only", so that a client import of it fails the build. */
const serverOnlyFirst = {
  meta: {
    type: "problem",
    messages: { missing: 'A lib/server module must start with import "server-only";' },
    schema: [],
  },
  create(context) {
    return {
      Program(program) {
        const first = program.body[0];
        const ok = first?.type === "ImportDeclaration" && first.source.value === "server-only" && first.specifiers.length === 0;
        if (!ok) context.report({ node: first ?? program, messageId: "missing" });
      },
    };
  },
};

export const docketRules = { plugins: { docket: { rules: { "client-boundary": clientBoundary, "server-only-first": serverOnlyFirst } } } };
