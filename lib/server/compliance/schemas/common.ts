import "server-only";
import { z } from "zod";

/**
 * Response schemas keep unknown fields (the API adds fields without notice) and treat an omitted
 * optional field like null, normalising both to null so callers handle one case.
 */
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

/** A boolean flag that older API versions omitted; omitted means false. */
export const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

/** An array the API may send as null or omit. */
export const listOrEmpty = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);

export const Timestamp = z.string().min(1);

export const UserReference = z.looseObject({
  id: z.string(),
  email_address: nullable(z.string()),
});
export type UserReference = z.output<typeof UserReference>;

/** Cursor-paged lists (activities, chats): first_id / last_id are null on an empty page. */
export const cursorPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    data: listOrEmpty(item),
    has_more: flag,
    first_id: nullable(z.string()),
    last_id: nullable(z.string()),
  });
export type CursorPage<T> = { data: T[]; has_more: boolean; first_id: string | null; last_id: string | null };

/** Page-token lists. Session endpoints send no has_more: the walk ends when next_page is null. */
export const tokenPage = <T extends z.ZodType>(item: T) =>
  z
    .looseObject({
      data: listOrEmpty(item),
      has_more: z.boolean().nullish(),
      next_page: nullable(z.string()),
    })
    .transform((page) => ({ ...page, has_more: page.has_more ?? page.next_page !== null }));
export type TokenPage<T> = { data: T[]; has_more: boolean; next_page: string | null };

/** Delete confirmations: { id, type } where type names what was deleted. */
export const DeleteConfirmation = z.looseObject({ id: z.string(), type: nullable(z.string()) });
export type DeleteConfirmation = z.output<typeof DeleteConfirmation>;
