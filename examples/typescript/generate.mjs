// Generates schema.d.ts from openapi/openapi.json with openapi-typescript,
// as its CLI does (with Redocly's "minimal" rules: linting the spec is
// `redocly lint`'s job), except that `format: binary` (an uploaded file)
// becomes a Blob instead of a string, so a multipart body can carry the
// photo itself. `node generate.mjs [SPEC] [OUT]` reads another spec file
// and writes another file (the reference portal's portal/types/api.d.ts is
// made this way: scripts/portal-check.sh).
import { writeFile } from "node:fs/promises";
import { createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const spec = process.argv[2]
  ? new URL(process.argv[2], `file://${process.cwd()}/`)
  : new URL("../../openapi/openapi.json", import.meta.url);
const out = process.argv[3]
  ? new URL(process.argv[3], `file://${process.cwd()}/`)
  : new URL("./schema.d.ts", import.meta.url);
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));

const ast = await openapiTS(spec, {
  redocly: await createConfig({}, { extends: ["minimal"] }),
  transform(schemaObject) {
    if (schemaObject.format === "binary") return BLOB;
  },
});
await writeFile(out, astToString(ast));
console.log(`openapi-typescript: ${spec.pathname} → ${out.pathname}`);
