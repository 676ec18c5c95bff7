// What `import { z } from "zod"` resolves to in the browser bundle (next.config.mjs): zod itself, told
// before any schema is built not to probe for `new Function`, which the pages' Content-Security-Policy
// forbids and reports as a violation even though zod catches the refusal.
import * as z from "zod/v4";

z.config({ jitless: true });

export * from "zod/v4";
export { z, z as default };
