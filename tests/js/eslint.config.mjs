// ESLint for the course's browser scripts (classic scripts, no modules) and their unit tests. Run from the
// repository's root with this file named by --config (make js-check does), so the paths below are from there.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["**/node_modules/**", "**/vendor/**", "site/**", "dist/**", ".cache/**", ".venv/**"],
  },
  {
    files: ["build_tools/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { ...globals.browser, globalThis: "readonly", module: "readonly", Intl: "readonly" },
    },
    rules: {
      ...js.configs.recommended.rules,
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      eqeqeq: "error",
      strict: ["error", "function"],
      "no-implicit-globals": "error",
    },
  },
  {
    files: ["tests/js/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];
