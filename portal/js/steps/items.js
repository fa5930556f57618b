// Step 2: the order's earlier returns, then its lines. The customer picks
// lines, a quantity and a reason; the reason decides whether a comment, the
// item's condition or photos are needed. Photos upload as soon as they are
// chosen, so the customer sees progress and problems right away.

import { $, h, clearError, showError, setFieldError, clearFieldError, clearFieldErrors, focusFirstInvalid, fieldErrorMessage, describeError } from "../dom.js";
import { t, formatMoney, formatDate } from "../i18n.js";
import { renderReturn } from "./returns.js";

/** @typedef {import('../types.js').LookupLine} LookupLine */
/** @typedef {import('../types.js').PortalReason} PortalReason */
/** @typedef {import('../types.js').ItemRequest} ItemRequest */
/** @typedef {import('../types.js').FieldError} FieldError */
/** @typedef {import('../main.js').Context} Context */

/**
 * The controls of one returnable line and its uploads.
 * @typedef {object} LineForm
 * @property {LookupLine} line
 * @property {HTMLInputElement} select
 * @property {HTMLSelectElement} quantity
 * @property {HTMLSelectElement} reason
 * @property {HTMLTextAreaElement} comment
 * @property {HTMLSelectElement} condition
 * @property {HTMLInputElement} photos
 * @property {string[]} imageIds uploaded photos still attached
 * @property {number} uploading uploads not finished yet
 */

/** @type {LineForm[]} */
let lineForms = [];
/** The lines behind `ctx.items`, in the same order (to place server errors). */
/** @type {LineForm[]} */
let chosenForms = [];

/** Where a field of an item request is edited. */
const FIELD_CONTROLS = /** @type {const} */ ({
  quantity: "quantity",
  reason_code: "reason",
  comment: "comment",
  condition_code: "condition",
  image_ids: "photos",
});

/** @param {LookupLine} line */
function notReturnableText(line) {
  const reason = line.non_returnable_reason ?? "not_returnable";
  return reason === "not_returnable" ? t("not_returnable") : t(`nr_${reason}`);
}

/**
 * A labelled control in a `.field` wrapper.
 * @param {string} id
 * @param {string} label
 * @param {HTMLElement} control
 * @param {(HTMLElement | null)[]} [extra]
 */
function field(id, label, control, extra = []) {
  control.id = id;
  return h("div", { class: "field" }, [h("label", { for: id, text: label }), control, ...extra]);
}

/**
 * @param {Context} ctx
 * @param {string} code
 */
function findReason(ctx, code) {
  return ctx.settings.reasons.find((r) => r.code === code) ?? null;
}

/**
 * Shows the fields the chosen reason requires and hides the rest.
 * @param {Context} ctx
 * @param {LineForm} form
 */
function fitReason(ctx, form) {
  const reason = findReason(ctx, form.reason.value);
  const show = (/** @type {HTMLElement} */ control, /** @type {boolean} */ needed) => {
    /** @type {HTMLElement} */ (control.closest(".field")).hidden = !needed;
    if (!needed) clearFieldError(control);
  };
  show(form.comment, !!reason?.require_comment);
  show(form.condition, !!reason?.require_condition);
  show(form.photos, !!reason?.require_images);
  const hint = document.getElementById(`${form.photos.id}-hint`);
  if (hint) hint.textContent = t("photos_hint", { count: reason?.min_images ?? 1 });
}

/**
 * Uploads one photo, showing its progress, then lists it with a way to
 * remove it again.
 * @param {Context} ctx
 * @param {LineForm} form
 * @param {File} file
 * @param {HTMLUListElement} list
 */
async function upload(ctx, form, file, list) {
  const name = file.name;
  const progress = h("progress", { max: 1, value: 0, "aria-label": t("upload_progress", { name }) });
  const item = h("li", { class: "upload" }, [h("span", { text: t("upload_progress", { name }) }), progress]);
  list.append(item);
  form.uploading++;
  try {
    const uploaded = await ctx.api.upload(file, (fraction) => {
      progress.value = fraction;
    });
    form.imageIds.push(uploaded.id);
    clearFieldError(form.photos);
    const preview = URL.createObjectURL(file);
    const remove = h("button", { type: "button", class: "link", text: t("remove_photo", { name }) });
    remove.addEventListener("click", () => {
      form.imageIds = form.imageIds.filter((id) => id !== uploaded.id);
      URL.revokeObjectURL(preview);
      item.remove();
      form.photos.focus();
    });
    item.replaceChildren(
      h("img", { src: preview, alt: "", class: "thumb", width: 48, height: 48 }),
      h("span", { text: t("upload_done", { name }) }),
      remove,
    );
  } catch (error) {
    item.classList.add("failed");
    const dismiss = h("button", { type: "button", class: "link", text: t("remove_photo", { name }) });
    dismiss.addEventListener("click", () => {
      item.remove();
      form.photos.focus();
    });
    item.replaceChildren(h("span", { text: t("upload_failed", { name, message: describeError(error) }) }), dismiss);
  } finally {
    form.uploading--;
  }
}

/**
 * @param {Context} ctx
 * @param {LookupLine} line
 * @param {number} index
 */
function renderLine(ctx, line, index) {
  const id = `line-${index}`;
  const image = line.image_url
    ? h("img", { class: "line-image", src: line.image_url, alt: "", width: 96, height: 96, loading: "lazy" })
    : null;
  // A broken product image should not leave an empty frame.
  image?.addEventListener("error", () => image.remove());
  const fieldset = h("fieldset", { class: "line", "data-line": line.id }, [
    h("legend", { class: "line-name", text: line.name }),
    h("div", { class: "line-summary" }, [
      image,
      h("div", {}, [
        h("p", { class: "price", text: formatMoney(line.unit_price) }),
        h("p", { class: "hint", text: t("ordered_quantity", { quantity: line.quantity }) }),
        line.returnable && line.return_deadline
          ? h("p", { class: "hint", text: t("return_deadline", { date: formatDate(line.return_deadline) }) })
          : null,
      ]),
    ]),
  ]);
  if (!line.returnable || line.returnable_quantity < 1) {
    fieldset.classList.add("not-returnable");
    fieldset.append(h("p", { class: "not-returnable-reason", text: notReturnableText(line) }));
    return fieldset;
  }

  const select = h("input", { type: "checkbox", name: "select", id: `${id}-select` });
  const quantities = Array.from({ length: line.returnable_quantity }, (_, i) => String(i + 1));
  const quantity = h("select", { name: "quantity" }, quantities.map((q) => h("option", { value: q, text: q })));
  const reason = h("select", { name: "reason" }, [
    h("option", { value: "", text: t("choose_reason") }),
    ...ctx.settings.reasons.map((r) => h("option", { value: r.code, text: r.label })),
  ]);
  const comment = h("textarea", { name: "comment", rows: 3, maxlength: 2000 });
  const condition = h("select", { name: "condition" }, [
    h("option", { value: "", text: t("choose_condition") }),
    ...ctx.settings.condition_codes.map((c) => h("option", { value: c.code, text: c.label })),
  ]);
  const photos = h("input", {
    type: "file",
    name: "photos",
    multiple: true,
    accept: "image/jpeg,image/png,image/webp",
    "aria-describedby": `${id}-photos-hint`,
  });
  const uploads = h("ul", { class: "uploads", "aria-live": "polite" });

  const details = h("div", { class: "line-details", hidden: true }, [
    field(`${id}-quantity`, t("quantity_label"), quantity),
    field(`${id}-reason`, t("reason_label"), reason),
    field(`${id}-comment`, t("comment_label"), comment),
    field(`${id}-condition`, t("condition_label"), condition),
    field(`${id}-photos`, t("photos_label"), photos, [h("p", { class: "hint", id: `${id}-photos-hint` }), uploads]),
  ]);
  fieldset.append(
    h("div", { class: "check" }, [select, h("label", { for: select.id, text: t("select_line") })]),
    details,
  );

  /** @type {LineForm} */
  const form = { line, select, quantity, reason, comment, condition, photos, imageIds: [], uploading: 0 };
  lineForms.push(form);
  fitReason(ctx, form);

  select.addEventListener("change", () => {
    details.hidden = !select.checked;
    fieldset.classList.toggle("selected", select.checked);
  });
  reason.addEventListener("change", () => {
    clearFieldError(reason);
    fitReason(ctx, form);
  });
  comment.addEventListener("input", () => clearFieldError(comment));
  condition.addEventListener("change", () => clearFieldError(condition));
  photos.addEventListener("change", () => {
    for (const file of Array.from(photos.files ?? [])) upload(ctx, form, file, uploads);
    // Cleared so that choosing the same file again still fires `change`.
    photos.value = "";
  });
  return fieldset;
}

/**
 * Checks one chosen line the way the server will, so most mistakes are
 * shown before any request.
 * @param {Context} ctx
 * @param {LineForm} form
 */
function validate(ctx, form) {
  const reason = findReason(ctx, form.reason.value);
  if (!reason) {
    setFieldError(form.reason, t("reason_required"));
    return;
  }
  if (reason.require_comment && !form.comment.value.trim()) setFieldError(form.comment, t("error_comment_required"));
  if (reason.require_condition && !form.condition.value) setFieldError(form.condition, t("error_condition_required"));
  if (reason.require_images && form.imageIds.length < reason.min_images) {
    setFieldError(form.photos, t("error_images_required", { count: reason.min_images }));
  }
}

/**
 * @param {Context} ctx
 * @param {LineForm} form
 * @returns {ItemRequest}
 */
function itemRequest(ctx, form) {
  const reason = /** @type {PortalReason} */ (findReason(ctx, form.reason.value));
  return {
    order_line_id: form.line.id,
    quantity: Number(form.quantity.value),
    reason_code: reason.code,
    comment: reason.require_comment ? form.comment.value.trim() : null,
    condition_code: reason.require_condition ? form.condition.value : null,
    image_ids: reason.require_images ? [...form.imageIds] : [],
  };
}

/**
 * Shows a 422's per-item errors (`items[0].comment`) next to their fields
 * on the items step. Returns whether any could be placed.
 * @param {FieldError[]} errors
 */
export function showItemErrors(errors) {
  let placed = false;
  for (const error of errors) {
    const match = error.field.match(/^items\[(\d+)\]\.(\w+)/);
    const form = match ? chosenForms[Number(match[1])] : undefined;
    const key = match ? FIELD_CONTROLS[/** @type {keyof typeof FIELD_CONTROLS} */ (match[2])] : undefined;
    if (!form || !key) continue;
    const control = form[key];
    // The control may be hidden if the reason changed meanwhile.
    /** @type {HTMLElement} */ (control.closest(".field")).hidden = false;
    setFieldError(control, fieldErrorMessage(error));
    placed = true;
  }
  return placed;
}

/** After `showItemErrors`: focus the first field with a message. */
export function focusItemErrors() {
  focusFirstInvalid($("#items-form"));
}

/**
 * Renders the order's earlier returns and its lines (after each lookup).
 * @param {Context} ctx
 */
export async function renderItems(ctx) {
  const lookup = /** @type {import('../types.js').LookupResponse} */ (ctx.lookup);
  lineForms = [];
  chosenForms = [];
  $("#order-summary").textContent = t("order_summary", {
    number: lookup.order.number,
    date: formatDate(lookup.order.placed_at),
  });

  // The list leaves out the timelines; each return's own view has one.
  const { data: list } = await ctx.api.returns();
  const returns = await Promise.all(list.map((ret) => ctx.api.getReturn(ret.id)));
  $("#returns").hidden = returns.length === 0;
  $("#returns-list").replaceChildren(...returns.map(renderReturn));

  $("#lines").replaceChildren(...lookup.order.lines.map((line, i) => renderLine(ctx, line, i)));
  $("#items-next").hidden = lineForms.length === 0;
}

/** @param {Context} ctx */
export function setupItems(ctx) {
  const formEl = /** @type {HTMLFormElement} */ ($("#items-form"));
  formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    clearError();
    clearFieldErrors(formEl);
    const chosen = lineForms.filter((f) => f.select.checked);
    if (!chosen.length) {
      showError(t("select_one"));
      lineForms[0]?.select.focus();
      return;
    }
    if (chosen.some((f) => f.uploading > 0)) {
      showError(t("uploads_pending"));
      return;
    }
    chosen.forEach((f) => validate(ctx, f));
    if (formEl.querySelector("[aria-invalid]")) {
      focusFirstInvalid(formEl);
      return;
    }
    chosenForms = chosen;
    ctx.items = chosen.map((f) => itemRequest(ctx, f));
    ctx.go("method");
  });
}
