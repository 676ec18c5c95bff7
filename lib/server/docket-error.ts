import "server-only";

// Registered, so every copy of this module in the process finds the same symbol.
const BRANDS = Symbol.for("docket.error-brands");

/**
 * The base of every error Docket's server code throws on purpose.
 *
 * Next.js compiles server code once per layer (pages, route handlers, instrumentation), so one process
 * holds one copy of each class per layer. The objects kept on globalThis (the Compliance API client,
 * the capability probe, the Prisma client, the checkpoint scheduler) are made by whichever layer asks
 * first and throw that layer's copies, which a plain `instanceof` in another layer does not recognise:
 * an upstream 404 became a 500. So `instanceof` compares brands, strings that every copy of a class
 * shares, instead of prototypes.
 */
export abstract class DocketError extends Error {
  /** The class's name across copies. Every subclass declares its own (the constructor checks). */
  static readonly brand: string = "DocketError";

  static override [Symbol.hasInstance](this: { readonly brand: string }, value: unknown): boolean {
    const brands: unknown = value !== null && (typeof value === "object" || typeof value === "function") ? Reflect.get(value, BRANDS) : undefined;
    return Array.isArray(brands) && brands.includes(this.brand);
  }

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const brands: string[] = [];
    for (let type: unknown = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      // An inherited brand would make the subclass match every instance of its parent.
      if (!Object.hasOwn(type as object, "brand")) throw new TypeError(`${(type as { name: string }).name} must declare its own static brand`);
      brands.push((type as typeof DocketError).brand);
    }
    Object.defineProperty(this, BRANDS, { value: Object.freeze(brands), enumerable: false });
  }
}
