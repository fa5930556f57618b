// Step 4: what the customer wants back (refund, store credit with its
// bonus, or an exchange for another variant), a preview of the amounts,
// and the confirmation that creates the return.

import { $, h, clearError, showError, fieldErrorMessage } from "../dom.js";
import { t, formatMoney, currentLocale } from "../i18n.js";
import { ApiError } from "../api.js";
import { showItemErrors, focusItemErrors } from "./items.js";

/** @typedef {import('../types.js').CreateReturn} CreateReturn */
/** @typedef {import('../types.js').ResolutionType} ResolutionType */
/** @typedef {import('../types.js').Offer} Offer */
/** @typedef {import('../types.js').Preview} Preview */
/** @typedef {import('../types.js').LookupLine} LookupLine */
/** @typedef {import('../main.js').Context} Context */

/** Exchange offers per order and line. */
/** @type {Map<string, Offer[]>} */
const offers = new Map();
/** Only the latest preview may be shown. */
let previewId = 0;
/**
 * The Idempotency-Key of the current confirmation: reused when the same
 * request is sent again (a retry or a second click), new when it changes.
 * @type {{ body: string, key: string } | null}
 */
let attempt = null;

/** @param {Context} ctx */
function lineOf(ctx, /** @type {string} */ id) {
  return /** @type {LookupLine} */ (ctx.lookup?.order.lines.find((l) => l.id === id));
}

function chosenResolution() {
  const input = /** @type {HTMLInputElement | null} */ (document.querySelector("input[name=resolution]:checked"));
  return /** @type {ResolutionType} */ (input?.value ?? "refund");
}

/** @param {Offer} offer */
function offerText(offer) {
  const changed = offer.changed.length ? offer.changed : Object.keys(offer.option_values);
  const name = changed.map((option) => offer.option_values[option]).join(" / ");
  const delta = offer.price_difference;
  const price =
    delta.amount === 0
      ? t("price_same")
      : t(delta.amount > 0 ? "price_more" : "price_less", {
          amount: formatMoney({ amount: Math.abs(delta.amount), currency: delta.currency }),
        });
  return `${name} (${price})`;
}

/**
 * The return request as chosen so far. For an exchange, the lines with a
 * variant chosen carry their own resolution; the others are refunded.
 * @param {Context} ctx
 * @returns {CreateReturn}
 */
function buildRequest(ctx) {
  const resolution = chosenResolution();
  const items = ctx.items.map((item) => {
    const select = /** @type {HTMLSelectElement | null} */ (
      document.querySelector(`select.exchange-variant[data-line="${CSS.escape(item.order_line_id)}"]`)
    );
    if (resolution === "exchange" && select?.value) {
      return { ...item, resolution: { type: /** @type {const} */ ("exchange"), variant_sku: select.value } };
    }
    return item;
  });
  return {
    items,
    return_method: /** @type {import('../types.js').MethodRequest} */ (ctx.method),
    resolution: { type: resolution === "exchange" ? "refund" : resolution },
    locale: currentLocale(),
  };
}

/**
 * @param {string} label
 * @param {import('../types.js').Money} money
 */
function row(label, money) {
  return [h("dt", { text: label }), h("dd", { text: formatMoney(money) })];
}

/** @param {Preview} preview */
function renderPreview(preview) {
  const rows = [];
  if (preview.return_fee && preview.return_fee.amount > 0) rows.push(...row(t("preview_fee"), preview.return_fee));
  if (preview.store_credit.amount > 0) rows.push(...row(t("preview_store_credit"), preview.store_credit));
  if (preview.payment_due.amount > 0) rows.push(...row(t("preview_payment_due"), preview.payment_due));
  rows.push(...row(t("preview_refund"), preview.estimated_refund));
  // Problems the server would refuse the return for, said before the
  // customer confirms (create repeats them with the fields to fix).
  const problems = [...preview.errors, ...preview.items.flatMap((item) => item.errors)];
  const messages = [...new Set(problems.map(fieldErrorMessage))];
  $("#preview-body").replaceChildren(
    h("dl", { class: "amounts" }, rows),
    h("p", { class: "hint", text: t(preview.auto_approve ? "preview_auto" : "preview_review") }),
  );
  if (messages.length) {
    $("#preview-body").append(h("ul", { class: "preview-problems" }, messages.map((text) => h("li", { text }))));
  }
}

/** @param {Context} ctx */
async function updatePreview(ctx) {
  const id = ++previewId;
  $("#preview-body").replaceChildren(h("p", { class: "hint", text: t("preview_loading") }));
  try {
    const preview = await ctx.api.preview(buildRequest(ctx));
    if (id !== previewId) return;
    // A success supersedes an earlier failed attempt's message.
    clearError();
    renderPreview(preview);
  } catch (error) {
    if (id !== previewId) return;
    $("#preview-body").replaceChildren();
    showError(error);
  }
}

/**
 * One variant choice per chosen line that can be exchanged.
 * @param {Context} ctx
 */
async function showExchange(ctx) {
  const lines = ctx.items.map((item) => lineOf(ctx, item.order_line_id)).filter((line) => line.exchange_offers > 0);
  const container = $("#exchange-lines");
  // Lines are cached by order too: the next lookup may reuse line ids.
  const keyOf = (/** @type {LookupLine} */ line) => `${ctx.lookup?.order.number}/${line.id}`;
  const shown = lines.map(keyOf).join(",");
  if (container.dataset.for === shown) return;
  try {
    for (const line of lines) {
      if (!offers.has(keyOf(line))) offers.set(keyOf(line), (await ctx.api.exchangeOptions(line.id)).offers);
    }
  } catch (error) {
    showError(error);
    return;
  }
  container.dataset.for = shown;
  container.replaceChildren(
    ...lines.map((line, i) => {
      // The first choice is #exchange-variant; further lines get numbered ids.
      const id = i === 0 ? "exchange-variant" : `exchange-variant-${i + 1}`;
      const available = (offers.get(keyOf(line)) ?? []).filter((offer) => offer.available > 0);
      const select = h(
        "select",
        { id, class: "exchange-variant", "data-line": line.id },
        available.map((offer) => h("option", { value: offer.sku, text: offerText(offer) })),
      );
      select.addEventListener("change", () => updatePreview(ctx));
      return h("div", { class: "field" }, [
        h("label", { for: id, text: t("exchange_variant_label", { name: line.name }) }),
        available.length ? select : h("p", { class: "hint", text: t("exchange_none") }),
      ]);
    }),
  );
}

/** @param {Context} ctx */
async function fitResolution(ctx) {
  const exchange = chosenResolution() === "exchange";
  $("#exchange-field").hidden = !exchange;
  if (exchange) await showExchange(ctx);
  updatePreview(ctx);
}

/**
 * Renders the choices for the chosen items; called each time the step is
 * shown, because they depend on the items.
 * @param {Context} ctx
 */
export function enterResolution(ctx) {
  const lookup = /** @type {import('../types.js').LookupResponse} */ (ctx.lookup);
  const exchangeable = ctx.items.some((item) => lineOf(ctx, item.order_line_id).exchange_offers > 0);
  const options = (lookup.refund_options.length ? lookup.refund_options : ctx.settings.refund_options).filter(
    (option) => option.type !== "exchange" || exchangeable,
  );
  // Brands that prefer exchanges list them first and preselect them.
  if (ctx.settings.exchange_first) options.sort((a, b) => Number(b.type === "exchange") - Number(a.type === "exchange"));
  const previous = chosenResolution();
  const selected = options.some((o) => o.type === previous) ? previous : options[0]?.type;

  $("#resolutions").replaceChildren(
    ...options.map((option) => {
      const id = `resolution-${option.type}`;
      const bonus = option.type === "store_credit" ? option.store_credit_bonus_percent : null;
      const input = h("input", { type: "radio", name: "resolution", value: option.type, id, checked: option.type === selected });
      input.addEventListener("change", () => fitResolution(ctx));
      return h("div", { class: "choice" }, [
        input,
        h("label", { for: id }, [
          h("span", { text: t(`resolution_${option.type}`) }),
          bonus ? h("span", { class: "bonus", text: t("store_credit_bonus", { percent: bonus }) }) : null,
        ]),
      ]);
    }),
  );
  delete $("#exchange-lines").dataset.for;
  fitResolution(ctx);
}

/**
 * Puts a create error where the customer can fix it: per-item problems next
 * to their fields on the items step, everything else in the alert.
 * @param {Context} ctx
 * @param {unknown} error
 */
function showCreateError(ctx, error) {
  if (error instanceof ApiError && error.status === 422 && showItemErrors(error.fieldErrors)) {
    ctx.go("items");
    showError(error);
    focusItemErrors();
    return;
  }
  showError(error);
}

/** @param {Context} ctx */
export function setupResolution(ctx) {
  const button = /** @type {HTMLButtonElement} */ ($("#submit-return"));
  $("#resolution-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    clearError();
    const request = buildRequest(ctx);
    const body = JSON.stringify(request);
    if (attempt?.body !== body) attempt = { body, key: crypto.randomUUID() };
    button.disabled = true;
    button.textContent = t("submitting");
    try {
      ctx.created = await ctx.api.createReturn(request, attempt.key);
      attempt = null;
      ctx.go("done");
    } catch (error) {
      showCreateError(ctx, error);
    } finally {
      button.disabled = false;
      button.textContent = t("submit_return");
    }
  });
}
