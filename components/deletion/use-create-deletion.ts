import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createDeletion, deletionKeys } from "@/lib/queries/deletion-queries";

/** Creates the deletion request (executing it at once when approvals are off); the lists then show it. */
export function useCreateDeletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDeletion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deletionKeys.lists() }),
  });
}

export type CreateDeletion = ReturnType<typeof useCreateDeletion>;
