// Entry point of the returns portal: reads the brand from the URL, loads its
// settings, applies its theme and language, and runs the journey
// lookup → items → method → resolution → done, one step at a time.

import { createApi } from "./api.js";
import { negotiateLocale, setLocale, translate, t } from "./i18n.js";
import { $, showStep, showError, clearError, onRestart } from "./dom.js";
import { setupLookup } from "./steps/lookup.js";
import { renderItems, setupItems } from "./steps/items.js";
import { renderMethods, enterMethod, setupMethod } from "./steps/method.js";
import { enterResolution, setupResolution } from "./steps/resolution.js";
import { enterDone } from "./steps/done.js";

/**
 * What the steps share. Each step fills in its part before moving on.
 * @typedef {object} Context
 * @property {import('./api.js').Api} api
 * @property {import('./types.js').PortalSettings} settings
 * @property {import('./types.js').LookupResponse | null} lookup
 * @property {import('./types.js').ItemRequest[]} items the chosen items
 * @property {import('./types.js').MethodRequest | null} method
 * @property {import('./types.js').ReturnView | null} created
 * @property {(step: string) => void} go
 */

/** The brand is the path segment after /portal/ (a slug or custom domain). */
function brandFromPath() {
  const match = location.pathname.match(/\/portal\/([^/]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

/**
 * Applies the brand's colours and logo. Custom properties set through the
 * CSSOM are allowed by the page's CSP (no inline styles needed).
 * @param {import('./types.js').PortalSettings['brand']} brand
 */
function applyTheme(brand) {
  const root = document.documentElement.style;
  root.setProperty("--brand-primary", brand.theme.primary_color);
  root.setProperty("--brand-accent", brand.theme.accent_color);
  root.setProperty("--brand-background", brand.theme.background_color);
  if (brand.theme.font_family) root.setProperty("--brand-font", brand.theme.font_family);
  $("#brand-name").textContent = brand.name;
  const logo = /** @type {HTMLImageElement} */ ($("#brand-logo"));
  if (brand.theme.logo_url) {
    logo.src = brand.theme.logo_url;
    logo.alt = brand.name;
    logo.hidden = false;
    // The name stays for screen readers; the logo shows it to everyone else.
    $("#brand-name").classList.add("visually-hidden");
    logo.addEventListener("error", () => {
      logo.hidden = true;
      $("#brand-name").classList.remove("visually-hidden");
    });
  }
}

/**
 * In a storefront's iframe, tells the embedding page the portal's height
 * whenever it changes, so that page can size the frame to fit (see the
 * README's embedding snippet). Only the height is sent, so any page may
 * read it; the frame itself is allowed only in the brand's origins.
 */
function reportHeight() {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    // The body's own height (it contains its children's margins), not the
    // document's, which is never less than the frame it is in.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "returns-portal:height", height }, "*");
  };
  new ResizeObserver(post).observe(document.body);
}

async function start() {
  reportHeight();
  const api = createApi(brandFromPath());
  const requested = new URLSearchParams(location.search).get("locale");
  let settings;
  try {
    settings = await api.settings(requested);
    // The server localizes by Accept-Language; ask again if the browser's
    // language list (or ?locale=) points elsewhere among the brand's locales.
    const locale = negotiateLocale(settings.locales, settings.default_locale, requested, navigator.languages);
    if (locale !== settings.locale) settings = await api.settings(locale);
  } catch (error) {
    $("#loading").hidden = true;
    showError(error);
    return;
  }
  setLocale(settings.locale, settings.strings);
  applyTheme(settings.brand);
  translate(document);
  document.title = `${t("portal_title")} · ${settings.brand.name}`;
  if (settings.policy_url) {
    const policy = /** @type {HTMLAnchorElement} */ ($("#policy-link"));
    policy.href = settings.policy_url;
    policy.hidden = false;
  }
  $("#loading").hidden = true;

  /** @type {Context} */
  const ctx = {
    api,
    settings,
    lookup: null,
    items: [],
    method: null,
    created: null,
    go(step) {
      clearError();
      if (step === "method") enterMethod(ctx);
      if (step === "resolution") enterResolution(ctx);
      if (step === "done") enterDone(ctx);
      showStep(step);
    },
  };

  const restart = () => {
    ctx.lookup = null;
    ctx.items = [];
    ctx.method = null;
    ctx.created = null;
    ctx.go("lookup");
  };
  onRestart(restart);
  $("#new-return").addEventListener("click", restart);

  for (const button of document.querySelectorAll("button[data-back]")) {
    button.addEventListener("click", () => ctx.go(/** @type {HTMLElement} */ (button).dataset.back ?? "lookup"));
  }

  setupItems(ctx);
  setupMethod(ctx);
  setupResolution(ctx);
  setupLookup(ctx, async (lookup) => {
    ctx.lookup = lookup;
    api.authorize(lookup);
    await renderItems(ctx);
    renderMethods(ctx);
    ctx.go("items");
  });

  showStep("lookup", false);
}

start();
