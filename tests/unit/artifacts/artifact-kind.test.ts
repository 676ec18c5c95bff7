import { describe, expect, it } from "vitest";
import { artifactKindOf, hasLivePreview, sourceLanguageOf } from "@/lib/artifacts/artifact-kind";

describe("artifactKindOf", () => {
  it("maps the API's artifact types, and anything else to plain text", () => {
    expect(artifactKindOf("text/markdown")).toBe("markdown");
    expect(artifactKindOf("application/vnd.ant.code")).toBe("code");
    expect(artifactKindOf("TEXT/HTML")).toBe("html");
    expect(artifactKindOf("image/svg+xml")).toBe("svg");
    expect(artifactKindOf("application/vnd.ant.react")).toBe("react");
    expect(artifactKindOf("application/vnd.ant.mermaid")).toBe("text");
    expect(artifactKindOf(null)).toBe("text");
    expect(artifactKindOf("constructor")).toBe("text");
  });
});

describe("hasLivePreview", () => {
  it("offers a preview for HTML and SVG only", () => {
    expect((["markdown", "code", "html", "svg", "react", "text"] as const).filter(hasLivePreview)).toEqual(["html", "svg"]);
  });
});

describe("sourceLanguageOf", () => {
  it("reads a code artifact's language from its title's extension", () => {
    expect(sourceLanguageOf("code", "pricing.py")).toBe("python");
    expect(sourceLanguageOf("code", "App.TSX")).toBe("tsx");
    expect(sourceLanguageOf("code", "script")).toBe("text");
    expect(sourceLanguageOf("code", "x.toString")).toBe("text");
    expect(sourceLanguageOf("code", null)).toBe("text");
  });

  it("highlights markup and JSX sources by kind", () => {
    expect(sourceLanguageOf("html", "Landing page")).toBe("markup");
    expect(sourceLanguageOf("svg", null)).toBe("markup");
    expect(sourceLanguageOf("react", "PricingTable.jsx")).toBe("jsx");
  });
});
