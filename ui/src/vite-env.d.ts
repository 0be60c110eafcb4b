// Why: lets TypeScript know about Vite's client types and `.svelte` imports.
/// <reference types="svelte" />
/// <reference types="vite/client" />
