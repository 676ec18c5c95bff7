import "server-only";
import packageJson from "@/package.json";

/** The version of Docket that made an export or a package, for its provenance. */
export const DOCKET_VERSION: string = packageJson.version;
