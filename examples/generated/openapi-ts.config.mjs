// @hey-api/openapi-ts settings: the fetch client, types and an SDK function
// per operation, into hey-api/ (not committed: made from the spec each time).
export default {
  input: process.env.SPEC ?? "../../openapi/openapi.json",
  output: "hey-api",
  plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
};
