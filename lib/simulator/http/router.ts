// Path matching with `:param` segments. Literal segments beat parameters, so
// `/apps/chats/files/{id}` wins over `/apps/chats/{chat_id}` style overlaps.

export interface RouteMatch<T> {
  route: T;
  params: Record<string, string>;
}

interface Compiled<T> {
  method: string;
  segments: string[];
  literals: number;
  route: T;
}

export class Router<T> {
  private readonly routes: Compiled<T>[] = [];

  add(method: string, pattern: string, route: T): void {
    const segments = pattern.split("/").filter(Boolean);
    this.routes.push({ method, segments, literals: segments.filter((s) => !s.startsWith(":")).length, route });
  }

  /** The best route for the path and method, or the methods the path does allow. */
  match(method: string, path: string): { found: RouteMatch<T> } | { allowed: string[] } {
    const parts = path.split("/").filter(Boolean);
    let best: { c: Compiled<T>; params: Record<string, string> } | null = null;
    const allowed = new Set<string>();
    for (const c of this.routes) {
      const params = matchSegments(c.segments, parts);
      if (!params) continue;
      allowed.add(c.method);
      if (c.method === method && (!best || c.literals > best.c.literals)) best = { c, params };
    }
    return best ? { found: { route: best.c.route, params: best.params } } : { allowed: [...allowed] };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith(":")) {
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        value = part;
      }
      params[p.slice(1)] = value;
    } else if (p !== part) return null;
  }
  return params;
}
