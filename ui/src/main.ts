// Why: the entry point index.html loads (the CSP allows only same-origin scripts, so no inline
// bootstrapping): global styles, then the App component mounted into #app, with the shell's first
// calls to the backend already on their way.
import { mount } from "svelte";
import { loadBitsAfterFirstPaint } from "./lib/bits.svelte";
import { markStartup } from "./lib/first-paint";
import { markUnresolvedFamilies } from "./lib/font-lists";
import { startShellLoad } from "./lib/shell-load";
import "./app.css";
import "./styles/forms.css";
import "./styles/lists.css";
import App from "./App.svelte";

markStartup("script");
startShellLoad();
// Before anything is drawn: a family the webview cannot resolve would cost a lookup per text style.
markUnresolvedFamilies(document.documentElement);

const target = document.getElementById("app");
if (!target) throw new Error("index.html lacks the #app element");

const app = mount(App, { target });
// Bits' parts are not needed for the first paint; they are there before the first click.
loadBitsAfterFirstPaint();

export default app;
