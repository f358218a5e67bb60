import "./src/env.js";

/** @type {import("next").NextConfig} */
const config = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
