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
    // Lightning CSS would otherwise write fallbacks for the older browsers es2022 stands for
    // (the colour variables again for the colour-scheme switch, max-width for media ranges, lab()
    // colours twice). WebKitGTK 2.50 carries Safari 26's WebKit; Safari 18 leaves a margin and
    // already needs none of them.
    cssTarget: "safari18",
    // One stylesheet for the whole app, linked by index.html. The lazy chunks brought a dozen
    // of their own, each compressed apart (4.9 KB more gzipped, for about 50 KB of CSS the first
    // screen now parses ahead). Every rule is scoped to its component or namespaced
    // (.program-grid, .ec), so the rules of screens not opened yet match nothing.
    cssCodeSplit: false,
    // No preload list for the lazy imports: with one stylesheet it only fetched a lazy screen's
    // few shared chunks alongside it instead of just after it, from local files (0.7 KB gzipped).
    modulePreload: false,
    // A cold build on a busy machine trips Rolldown's "plugins took long" warning; build time
    // is not a property of the code, and `npm run build` must stay warning-free.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Everything the first screen imports statically is one chunk. Left to itself Rolldown cut
      // it into eleven (the Svelte runtime, the bindings, Bits' dialog, a few stores…) after the
      // lazy screens that share each piece; the page loaded all eleven at start anyway, and the
      // files compressed apart came to 8.6 KB more gzipped. Lazy screens keep their own chunks;
      // what two or more of them share is one more chunk, not a dozen small ones (6 KB less
      // gzipped), except the room grid's calendar, which only the grids load.
      output: {
        // Non-ASCII characters in strings (→, —, …) written as escapes. WebKit keeps a script
        // that is all ASCII as its bytes alone; any other character makes it keep a decoded copy
        // too, two bytes a character, for as long as the page runs (docs/performance.md).
        charset: "ascii",
        codeSplitting: {
          groups: [
            { name: "index", tags: ["$initial"], priority: 3 },
            { name: "program-grid", test: /@event-calendar|program-grid/, priority: 2 },
            // Bits UI and what it brings, with the first screen's parts (src/lib/bits-parts.ts): one
            // chunk, loaded after the first paint, without the code the lazy screens share. Bits'
            // command list (the palette's) and tabs (lazy screens' only) stay with their screens.
            {
              name: "bits",
              test: (id: string) =>
                /[\\/]node_modules[\\/](bits-ui|@floating-ui|svelte-toolbelt|tabbable|runed|inline-style-parser|style-to-object)[\\/]|[\\/]src[\\/]lib[\\/]bits-parts\.ts$/.test(id) &&
                !/[\\/]bits-ui[\\/]dist[\\/]bits[\\/](command|tabs)[\\/]/.test(id),
              priority: 2,
            },
            { name: "shared", minShareCount: 2, priority: 1 },
          ],
        },
      },
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
