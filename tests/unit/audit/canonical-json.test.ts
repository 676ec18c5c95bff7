import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, toAuditJson, toAuditString } from "@/lib/server/audit/canonical-json";

const utf8Hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

describe("canonicalJson (RFC 8785)", () => {
  it("canonicalises the sample of §3.2.2 to the bytes of §3.2.4", () => {
    // The RFC's input text, parsed as any JSON parser would.
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const canonical = canonicalJson(JSON.parse(input));
    expect(canonical).toBe(String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`);
    expect(utf8Hex(canonical)).toBe(
      [
        "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a",
        "5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c",
        "22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d",
      ].join(""),
    );
  });

  it("sorts keys by UTF-16 code units, as in §3.2.3", () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Read the order from the text: a parsed object would list "1" first whatever its place.
    const order = [...canonicalJson(JSON.parse(input)).matchAll(/:"([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
  });

  it("orders integer-like keys as strings, not in JavaScript's numeric property order", () => {
    expect(canonicalJson({ 10: "a", 9: "b", "1a": "c", "": "d" })).toBe('{"":"d","10":"a","1a":"c","9":"b"}');
  });

  it("orders a supplementary-plane key before U+FFFF-range keys above the surrogates, by code unit", () => {
    // U+1F600 is D83D DE00 in UTF-16, which sorts before U+E000; by code point it would sort after.
    expect(canonicalJson({ "\uE000": 1, "\u{1F600}": 2 })).toBe('{"\u{1F600}":2,"\uE000":1}');
  });

  it("sorts nested objects and keeps array order", () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[3,{"a":2,"z":1},1]}');
  });

  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ])("serialises the IEEE 754 double %s as %s (Appendix B)", (bits, expected) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt(`0x${bits}`));
    expect(canonicalJson(view.getFloat64(0))).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity])("refuses %s, which has no JSON form (Appendix B)", (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson({ nested: [value] })).toThrow(TypeError);
  });

  it("escapes exactly the characters §3.2.2.2 requires", () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join("");
    expect(canonicalJson(controls)).toBe(
      String.raw`"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"`,
    );
    expect(canonicalJson('"\\/\u007f\u2028é😀')).toBe('"\\"\\\\/\u007f\u2028é😀"');
  });

  it("refuses strings that are not well-formed Unicode", () => {
    expect(() => canonicalJson("\uD800")).toThrow(/lone surrogate/);
    expect(() => canonicalJson("a\uDC00b")).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ "\uDBFF": 1 })).toThrow(/lone surrogate/);
    expect(canonicalJson("\uD83D\uDE00")).toBe('"😀"');
  });

  it.each([
    ["undefined", undefined],
    ["a function", () => 1],
    ["a bigint", 1n],
    ["a symbol", Symbol("s")],
    ["a Date", new Date(0)],
    ["a Map", new Map()],
    ["an undefined member", { a: undefined }],
    ["a sparse array", [1, , 3]],
  ])("refuses %s", (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("gives the same text for the same data, whatever the key order or spelling", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(value, null, 2)))).toBe(canonical);
        expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
        expect(canonicalJson(reverseKeys(value))).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });
});

describe("toAuditJson (what is hashed is what PostgreSQL stores)", () => {
  it("removes U+0000, which PostgreSQL refuses, from values and keys", () => {
    expect(toAuditJson({ "a\u0000b": ["x\u0000", "\u0000"] })).toEqual({ ab: ["x", ""] });
  });

  it("replaces lone surrogates with U+FFFD and keeps pairs", () => {
    expect(toAuditJson({ text: "a\uD800b\uDC00c\uD83D\uDE00" })).toEqual({ text: "a\uFFFDb\uFFFDc😀" });
    expect(toAuditString("\uDE00\uD83D")).toBe("\uFFFD\uFFFD");
  });

  it("accepts safe integers only", () => {
    expect(toAuditJson({ n: Number.MAX_SAFE_INTEGER, m: -Number.MAX_SAFE_INTEGER, z: -0 })).toEqual({ n: 9007199254740991, m: -9007199254740991, z: 0 });
    expect(Object.is((toAuditJson({ z: -0 }) as { z: number }).z, 0)).toBe(true);
    expect(() => toAuditJson({ n: 1.5 })).toThrow("$.n: only safe integers are allowed, not 1.5");
    expect(() => toAuditJson([2 ** 53])).toThrow(/\$\[0\]: only safe integers/);
    expect(() => toAuditJson({ n: NaN })).toThrow(/only safe integers/);
  });

  it("keeps a __proto__ key as data instead of letting it change the prototype", () => {
    const value = toAuditJson(JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'));
    expect(canonicalJson(value)).toBe('{"__proto__":{"polluted":1},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses keys that collide once normalised, and values without a JSON form", () => {
    expect(() => toAuditJson({ a: 1, "a\u0000": 2 })).toThrow(/two keys become "a"/);
    expect(() => toAuditJson({ when: new Date(0) })).toThrow("$.when: a Date has no JSON representation");
    expect(() => toAuditJson({ missing: undefined })).toThrow("$.missing: undefined has no JSON representation");
  });

  it("refuses structures nested too deeply to be request parameters", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 40; level += 1) deep = { level: deep };
    expect(() => toAuditJson(deep)).toThrow(/nested deeper than 32 levels/);
  });

  it("always returns something canonicalJson accepts", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        let normalised;
        try {
          normalised = toAuditJson(value);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          return;
        }
        expect(() => canonicalJson(normalised)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  }
  return value;
}
