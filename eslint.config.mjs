import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const upstreamLibs = ["ioredis", "undici", "playwright", "playwright-core"].map((name) => ({
  name,
  message: "Upstream transports live in server/clients/** only.",
}));

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".scratch-*/**",
      ".lab/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layering (STYLE.md): transports only in server/clients; browser code never imports server internals.
  {
    files: ["app/**", "components/**", "lib/**", "server/**"],
    ignores: ["server/clients/**"],
    rules: { "no-restricted-imports": ["error", { paths: upstreamLibs, patterns: [] }] },
  },
  {
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: upstreamLibs,
          patterns: [
            {
              group: ["@/server/*", "!@/server/actions", "!@/server/actions/*"],
              message: "Components and lib import server code only as action references.",
            },
            { group: ["../server/*", "../../server/*"], message: "Use @/server/actions/* for actions; nothing else from server/." },
          ],
        },
      ],
    },
  },
  // process.env is read by the config module only.
  {
    files: ["app/**", "components/**", "lib/**", "server/**"],
    ignores: ["server/config/index.ts", "**/*.test.ts", "**/*.int.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/config." }],
    },
  },
];
export default config;
