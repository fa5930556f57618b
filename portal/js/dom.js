// DOM helpers shared by the steps: building elements, switching steps, and
// showing errors (one page-level alert, plus messages next to fields).

import { ApiError } from "./api.js";
import { t, has } from "./i18n.js";

/**
 * Creates an element. `text` sets its text; boolean values set or clear a
 * property (`checked`, `hidden`, `disabled`); anything else is an attribute.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [props]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (key === "text") el.textContent = String(value);
    else if (typeof value === "boolean") /** @type {any} */ (el)[key] = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child) el.append(child);
  }
  return el;
}

/**
 * Finds an element that the page is known to contain.
 * @template {Element} [E=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {E}
 */
export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return /** @type {E} */ (el);
}

/**
 * Shows one step and moves focus to its heading, so keyboard and screen
 * reader users land at the start of what changed.
 * @param {string} name
 * @param {boolean} [focus] false for the first step on page load
 */
export function showStep(name, focus = true) {
  for (const section of document.querySelectorAll("section[data-step]")) {
    /** @type {HTMLElement} */ (section).hidden = section.getAttribute("data-step") !== name;
  }
  if (focus) $(`section[data-step="${name}"] h2`).focus();
}

const errorBox = () => $("#error");

/** @type {(() => void) | null} */
let restartHandler = null;

/** @param {() => void} handler what "start again" does */
export function onRestart(handler) {
  restartHandler = handler;
}

/**
 * A readable message for an error: localized by its stable code, never
 * the code itself.
 * @param {unknown} error
 */
export function describeError(error) {
  if (!(error instanceof ApiError)) return t("error_generic");
  const code = error.code;
  if (error.status === 0) return t("error_network");
  if (error.status === 401) return t("error_session_expired");
  if (error.status === 503) return t("error_unavailable");
  if (code === "rate_limited") {
    return t("error_rate_limited", { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
  }
  if (code === "order_not_found") return t("order_not_found");
  if (code === "brand_not_found") return t("error_brand_not_found");
  if (code === "images_required") return t("error_images_required", { count: 1 });
  return has(`error_${code}`) ? t(`error_${code}`) : t("error_generic");
}

/** Whether the journey cannot go on without a new lookup. */
function needsRestart(/** @type {unknown} */ error) {
  return error instanceof ApiError && (error.status === 401 || error.code === "quantity_conflict");
}

/**
 * Shows an error in the page's alert; for an expired session or a conflict
 * it offers to start again.
 * @param {unknown} error an ApiError, or a message
 */
export function showError(error) {
  const box = errorBox();
  const message = typeof error === "string" ? error : describeError(error);
  box.replaceChildren(h("p", { text: message }));
  if (needsRestart(error) && restartHandler) {
    const handler = restartHandler;
    const button = h("button", { type: "button", class: "secondary", text: t("start_again") });
    button.addEventListener("click", handler);
    box.append(button);
  }
}

export function clearError() {
  errorBox().replaceChildren();
}

/**
 * Shows a message next to a control and links it with aria-describedby.
 * @param {HTMLElement} control
 * @param {string} message
 */
export function setFieldError(control, message) {
  const id = `${control.id}-error`;
  let note = document.getElementById(id);
  if (!note) {
    note = h("p", { id, class: "field-error" });
    control.insertAdjacentElement("afterend", note);
    const described = control.getAttribute("aria-describedby");
    control.setAttribute("aria-describedby", described ? `${described} ${id}` : id);
  }
  note.textContent = message;
  control.setAttribute("aria-invalid", "true");
}

/** @param {HTMLElement} control */
export function clearFieldError(control) {
  const id = `${control.id}-error`;
  document.getElementById(id)?.remove();
  const rest = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((d) => d && d !== id);
  if (rest.length) control.setAttribute("aria-describedby", rest.join(" "));
  else control.removeAttribute("aria-describedby");
  control.removeAttribute("aria-invalid");
}

/** @param {ParentNode} root */
export function clearFieldErrors(root) {
  for (const control of root.querySelectorAll("[aria-invalid]")) clearFieldError(/** @type {HTMLElement} */ (control));
}

/**
 * The message for one of a 422's per-field errors.
 * @param {import('./types.js').FieldError} fieldError
 */
export function fieldErrorMessage(fieldError) {
  const key = `error_${fieldError.code}`;
  if (fieldError.code === "images_required") return t(key, { count: 1 });
  return has(key) ? t(key) : t("error_invalid_value");
}

/**
 * Moves focus to the first invalid control, so the message is read out.
 * @param {ParentNode} root
 */
export function focusFirstInvalid(root) {
  /** @type {HTMLElement | null} */ (root.querySelector("[aria-invalid='true']"))?.focus();
}
