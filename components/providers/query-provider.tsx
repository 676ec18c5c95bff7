"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiRequestError } from "@/lib/queries/api-fetch";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Evidence views must not silently show stale data for long, nor refetch on every focus.
      // Docket's server already retries what the API calls transient; an answer it gives is final, and
      // only a request that never reached it (network) is worth one more try. The reviewer has Retry.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: (failures, error) => failures < 1 && !(error instanceof ApiRequestError) },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
