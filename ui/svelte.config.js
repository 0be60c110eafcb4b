// Why: lets Svelte compile <script lang="ts"> blocks through Vite's TypeScript handling, and sets the
// compiler options every component shares.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** @type {import("@sveltejs/vite-plugin-svelte").SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
    // The scoping class Svelte puts on every styled element and selector: "s1y5259h" in place
    // of the default "svelte-1y5259h", written some 2,000 times over the bundle.
    cssHash: ({ hash, css }) => `s${hash(css)}`,
  },
};
