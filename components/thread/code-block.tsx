import { Highlight, themes } from "prism-react-renderer";

/** A fenced code block, highlighted into React nodes (never an HTML string). */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  return (
    <Highlight code={code} language={language} theme={themes.github}>
      {({ tokens, getLineProps, getTokenProps }) => (
        <pre className="my-2 overflow-x-auto rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5">
          <code>
            {tokens.map((line, lineIndex) => (
              <div key={lineIndex} {...getLineProps({ line })}>
                {line.map((token, tokenIndex) => (
                  <span key={tokenIndex} {...getTokenProps({ token })} />
                ))}
              </div>
            ))}
          </code>
        </pre>
      )}
    </Highlight>
  );
}
