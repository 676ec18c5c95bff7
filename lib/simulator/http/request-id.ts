// Request ids look like the platform's (`req_018EeWyXxfu5pfWkrYcMdjWG`): `req_` + 24 base58
// characters. They are random, not seeded: they identify a request, not dataset content.

import { randomBytes } from "node:crypto";

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function newRequestId(): string {
  const bytes = randomBytes(24);
  let out = "req_";
  for (const b of bytes) out += B58[b % 58];
  return out;
}
