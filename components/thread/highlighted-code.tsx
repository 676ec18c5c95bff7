import { Highlight, themes } from "prism-react-renderer";
import { CODE_BLOCK_CLASS } from "@/components/thread/code-block";

/** A fenced code block highlighted into React nodes (never an HTML string); CodeBlock loads it on first use. */
export default function HighlightedCode({ code, language }: { code: string; language: string }) {
  return (
    <Highlight code={code} language={language} theme={themes.github}>
      {({ tokens, getLineProps, getTokenProps }) => (
        <pre tabIndex={0} className={CODE_BLOCK_CLASS}>
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
