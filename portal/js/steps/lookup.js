// Step 1: find the order by order or tracking number plus one verifier
// (postal code, email or phone: whichever the brand accepts).

import { $, h, clearError, showError, setFieldError, clearFieldErrors, focusFirstInvalid, fieldErrorMessage } from "../dom.js";
import { t } from "../i18n.js";
import { ApiError } from "../api.js";

/** @typedef {import('../types.js').LookupMethod} LookupMethod */
/** @typedef {import('../types.js').LookupRequest} LookupRequest */
/** @typedef {import('../main.js').Context} Context */

/** How each verifier is typed, so phones get a keypad and browsers can autofill. */
const INPUTS = {
  postal_code: { type: "text", autocomplete: "postal-code", label: "postal_code_label" },
  email: { type: "email", autocomplete: "email", label: "email_label" },
  phone: { type: "tel", autocomplete: "tel", label: "phone_label" },
};

/**
 * @param {LookupMethod} method
 * @param {string} identifier
 * @param {string} verifier
 * @returns {LookupRequest}
 */
function lookupRequest(method, identifier, verifier) {
  switch (method) {
    case "email":
      return { identifier, email: verifier };
    case "phone":
      return { identifier, phone: verifier };
    default:
      return { identifier, postal_code: verifier };
  }
}

/**
 * @param {Context} ctx
 * @param {(lookup: import('../types.js').LookupResponse) => Promise<void>} onFound
 */
export function setupLookup(ctx, onFound) {
  const methods = ctx.settings.lookup_methods;
  const form = /** @type {HTMLFormElement} */ ($("#lookup-form"));
  const identifier = /** @type {HTMLInputElement} */ ($("#identifier"));
  const verifier = /** @type {HTMLInputElement} */ ($("#verifier"));
  const select = /** @type {HTMLSelectElement} */ ($("#lookup-method"));
  const submit = /** @type {HTMLButtonElement} */ ($("#lookup-submit"));

  // With a single method there is nothing to choose.
  if (methods.length > 1) {
    select.replaceChildren(...methods.map((m) => h("option", { value: m, text: t(INPUTS[m].label) })));
  } else {
    $("#lookup-method-field").remove();
  }
  const chosen = () => /** @type {LookupMethod} */ (methods.length > 1 ? select.value : methods[0]);

  const fitVerifier = () => {
    const input = INPUTS[chosen()];
    $("#verifier-label").textContent = t(input.label);
    verifier.type = input.type;
    verifier.autocomplete = /** @type {AutoFill} */ (input.autocomplete);
  };
  fitVerifier();
  select.addEventListener("change", () => {
    verifier.value = "";
    clearFieldErrors(form);
    fitVerifier();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError();
    clearFieldErrors(form);
    for (const input of [identifier, verifier]) {
      if (!input.value.trim()) setFieldError(input, t("field_required"));
    }
    if (form.querySelector("[aria-invalid]")) {
      focusFirstInvalid(form);
      return;
    }
    submit.disabled = true;
    try {
      const lookup = await ctx.api.lookup(lookupRequest(chosen(), identifier.value.trim(), verifier.value.trim()));
      await onFound(lookup);
    } catch (error) {
      showLookupError(error, identifier, verifier);
    } finally {
      submit.disabled = false;
    }
  });
}

/**
 * Field errors of a 422 go next to their field; everything else to the alert.
 * @param {unknown} error
 * @param {HTMLInputElement} identifier
 * @param {HTMLInputElement} verifier
 */
function showLookupError(error, identifier, verifier) {
  if (error instanceof ApiError && error.status === 422 && error.code !== "lookup_method_not_allowed") {
    for (const fieldError of error.fieldErrors) {
      const input = fieldError.field === "identifier" ? identifier : verifier;
      setFieldError(input, fieldErrorMessage(fieldError));
    }
    if (error.fieldErrors.length) {
      focusFirstInvalid(/** @type {HTMLElement} */ (identifier.form));
      return;
    }
  }
  showError(error);
}
