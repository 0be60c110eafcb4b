// Why: lets Svelte compile <script lang="ts"> blocks through Vite's TypeScript handling.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
