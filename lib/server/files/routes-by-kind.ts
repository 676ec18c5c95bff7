import "server-only";
import { defineFileRoutes } from "./file-routes";
import { FILE_PATHS } from "./request-schemas";

/** The handlers behind app/api/files/** (uploaded chat and project files). */
export const UPLOADED_FILE_ROUTES = defineFileRoutes(FILE_PATHS.file);
/** The handlers behind app/api/generated-files/** (files Claude produced in a chat). */
export const GENERATED_FILE_ROUTES = defineFileRoutes(FILE_PATHS.generated_file);
