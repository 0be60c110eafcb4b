// Why: builds the web UI that Tauri loads from ui/dist, and serves it on a fixed port for `tauri dev`.
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // Tauri's dev watcher rebuilds Rust; Vite need not watch it.
    watch: { ignored: ["**/src-tauri/**", "**/target/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // A cold build on a busy machine trips Rolldown's "plugins took long" warning; build time
    // is not a property of the code, and `npm run build` must stay warning-free.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // The generated bindings import the WebviewWindow *type*; with verbatimModuleSyntax that
      // stays as a bare `import "@tauri-apps/api/webviewWindow"`, which pulled the window,
      // webview, dpi and image modules (≈3 KB gzipped) into the first chunk for nothing. Those
      // modules have no import-time effects Hallway needs, so they are dropped when unused.
      treeshake: {
        moduleSideEffects: (id: string) => !/@tauri-apps[\\/]api[\\/](webviewWindow|webview|window|dpi|image)\.js$/.test(id),
      },
    },
  },
});
